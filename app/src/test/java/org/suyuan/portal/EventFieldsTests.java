package org.suyuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.EventType;
import tools.jackson.databind.json.JsonMapper;

/** Flat form and file values into event details and back, without a server. */
class EventFieldsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EventFields.Conversion convert(EventType type, Map<String, String> values) {
        return EventFields.toDetails(type, values, JSON, field -> field.name());
    }

    @Test
    void aHarvestBecomesANestedQuantityWithFullWidthDigitsAccepted() {
        EventFields.Conversion conversion =
                convert(EventType.HARVEST, Map.of("quantityAmount", "１，２５０．５０", "quantityUnit", "公斤"));

        assertThat(conversion.problems()).isEmpty();
        assertThat(conversion.details().path("quantity").path("amount").asString())
                .isEqualTo("1250.5");
        assertThat(conversion.details().path("quantity").path("unit").asString())
                .isEqualTo("KG");
    }

    @Test
    void missingRequiredFieldsAndWrongNumbersAreNamedWithWhatToDo() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("productName", "某农药");
        values.put("safetyIntervalDays", "七天");

        EventFields.Conversion conversion = convert(EventType.PESTICIDE_USE, values);

        assertThat(conversion.problems())
                .extracting(EventFields.FieldProblem::field)
                .contains("registrationNumber", "activeIngredient", "dose", "doseUnit", "method", "safetyIntervalDays");
        assertThat(conversion.problems())
                .filteredOn(problem -> problem.field().equals("safetyIntervalDays"))
                .extracting(EventFields.FieldProblem::message)
                .singleElement()
                .asString()
                .contains("整数")
                .contains("七天");
    }

    @Test
    void anOptionalAmountWithoutAUnitAsksForTheUnit() {
        EventFields.Conversion conversion =
                convert(EventType.PLANTING, Map.of("method", "定植", "quantityAmount", "2400"));

        assertThat(conversion.problems())
                .extracting(EventFields.FieldProblem::field)
                .containsExactly("quantityUnit");
    }

    @Test
    void testItemsAndInputBatchesAreListsSplitOnChineseAndLatinSeparators() {
        EventFields.Conversion inspection = convert(
                EventType.INSPECTION,
                Map.of("agency", "快检室", "method", "酶抑制法", "items", "有机磷、氨基甲酸酯；拟除虫菊酯", "result", "合格"));
        EventFields.Conversion processing =
                convert(EventType.PROCESSING, Map.of("method", "清洗分级", "inputBatchNumbers", "B-1，B-2"));

        assertThat(inspection.details().path("items")).hasSize(3);
        assertThat(inspection.details().path("result").asString()).isEqualTo("PASS");
        assertThat(processing
                        .details()
                        .path("inputs")
                        .get(1)
                        .path("batchNumber")
                        .asString())
                .isEqualTo("B-2");
    }

    @Test
    void recordedDetailsFillTheFormAgain() {
        EventFields.Conversion conversion = convert(
                EventType.FERTILISING,
                Map.of("fertiliserName", "有机肥", "quantityAmount", "500", "quantityUnit", "KG", "notes", "基肥"));

        Map<String, String> values = EventFields.toValues(EventType.FERTILISING, conversion.details());

        assertThat(values)
                .containsEntry("fertiliserName", "有机肥")
                .containsEntry("quantityAmount", "500")
                .containsEntry("quantityUnit", "KG")
                .containsEntry("notes", "基肥");
    }

    @Test
    void aServiceComplaintIsMappedToTheFormFieldItConcerns() {
        assertThat(EventFields.formField(EventType.FERTILISING, "details.amount.amount"))
                .isEqualTo("quantityAmount");
        assertThat(EventFields.formField(EventType.HARVEST, "details.quantity")).isEqualTo("quantityAmount");
        assertThat(EventFields.formField(EventType.PESTICIDE_USE, "details.registrationNumber"))
                .isEqualTo("registrationNumber");
        assertThat(EventFields.formField(EventType.HARVEST, "occurredOn")).isEqualTo("occurredOn");
        assertThat(EventFields.formField(EventType.HARVEST, "details.nothing")).isNull();
    }

    @Test
    void unitsAreReadInChineseOrAsCodes() {
        assertThat(EventFields.unit("斤")).isEqualTo(QuantityUnit.JIN);
        assertThat(EventFields.unit("box")).isEqualTo(QuantityUnit.BOX);
        assertThatThrownBy(() -> EventFields.unit("桶")).hasMessageContaining("千克");
    }

    @Test
    void importDatesAndTypesAreReadAsFarmersWriteThem() {
        assertThat(ImportFile.date("2026/5/1")).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(ImportFile.date("2026年5月1日")).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(ImportFile.date("2026.05.01")).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(ImportFile.type("打药")).isEqualTo(EventType.PESTICIDE_USE);
        assertThat(ImportFile.type("销售/发货")).isEqualTo(EventType.SHIPMENT);
        assertThat(ImportFile.type("HARVEST")).isEqualTo(EventType.HARVEST);
        assertThat(ImportFile.type("建档")).isNull();
    }

    @Test
    void csvHandlesQuotesCommasAndLineBreaksInsideFields() {
        List<List<String>> lines = CsvParser.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x");

        assertThat(lines).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"));
        assertThat(CsvParser.quote("a,b")).isEqualTo("\"a,b\"");
    }
}
