package org.suyuan.qr;

import java.time.LocalDate;

/**
 * One product label: the code and the facts a buyer reads without scanning it. Text longer than the
 * label has room for is cut with an ellipsis when printed; the limits here only keep absurd input out.
 *
 * @param code the QR content and the human-readable code
 * @param productName 产品名称, e.g. 寿光番茄（有机）
 * @param batchNumber 批次号, the producer's batch number
 * @param producer 生产经营主体, the producer's name
 * @param date the date printed on the label (packing or harvest, as the producer chooses)
 */
public record Label(PrintedCode code, String productName, String batchNumber, String producer, LocalDate date) {

    static final int MAX_FIELD_LENGTH = 200;

    public Label {
        if (code == null) {
            throw InvalidLabelException.missing("a code");
        }
        productName = requireText(productName, "product name");
        batchNumber = requireText(batchNumber, "batch number");
        producer = requireText(producer, "producer");
        if (date == null) {
            throw InvalidLabelException.missing("a date");
        }
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidLabelException.missing("a " + field);
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_FIELD_LENGTH) {
            throw InvalidLabelException.tooLong(field, MAX_FIELD_LENGTH);
        }
        return stripped;
    }
}
