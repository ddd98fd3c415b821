package org.suyuan.portal;

import static org.suyuan.portal.EventField.Kind.ATTACHMENT;
import static org.suyuan.portal.EventField.Kind.BATCH_LIST;
import static org.suyuan.portal.EventField.Kind.DECIMAL;
import static org.suyuan.portal.EventField.Kind.INTEGER;
import static org.suyuan.portal.EventField.Kind.LIST;
import static org.suyuan.portal.EventField.Kind.ORGANIZATION;
import static org.suyuan.portal.EventField.Kind.RESULT;
import static org.suyuan.portal.EventField.Kind.TEXTAREA;
import static org.suyuan.portal.EventField.Kind.UNIT;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of every event a producer records by hand, shared by the event forms and the file import, and the
 * translation between flat form values and the archive's details JSON.
 *
 * <p>Only shape is checked here (a number is a number, a required field is filled); every rule is the archive's,
 * applied by {@code BatchService.record} exactly as for the API.
 */
final class EventFields {

    /** The event types a producer records by hand, in the order a season goes. */
    static final List<EventType> RECORDABLE = List.of(
            EventType.PLANTING,
            EventType.FERTILISING,
            EventType.PESTICIDE_USE,
            EventType.IRRIGATION,
            EventType.HARVEST,
            EventType.INSPECTION,
            EventType.PACKING,
            EventType.SHIPMENT,
            EventType.PROCESSING,
            EventType.RECALL);

    private static final EventField NOTES = EventField.of("notes", "notes", TEXTAREA, false);
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，、;；\\n]+");

    private static final Map<EventType, List<EventField>> FIELDS = new EnumMap<>(EventType.class);

    static {
        FIELDS.put(
                EventType.PLANTING,
                List.of(
                        EventField.choice("method", true, 40, "播种", "定植", "移栽", "扦插", "嫁接"),
                        EventField.text("seedVariety", false, 100),
                        EventField.text("seedSource", false, 200),
                        EventField.of("quantityAmount", "quantity.amount", DECIMAL, false),
                        EventField.of("quantityUnit", "quantity.unit", UNIT, false),
                        NOTES));
        FIELDS.put(
                EventType.FERTILISING,
                List.of(
                        EventField.text("fertiliserName", true, 100),
                        EventField.text("registrationNumber", false, 40),
                        EventField.choice("fertiliserType", false, 40, "有机肥", "复合肥", "氮肥", "磷肥", "钾肥", "水溶肥", "叶面肥"),
                        EventField.of("quantityAmount", "amount.amount", DECIMAL, true),
                        EventField.of("quantityUnit", "amount.unit", UNIT, true),
                        EventField.choice("method", false, 40, "撒施", "沟施", "穴施", "冲施", "滴灌", "叶面喷施"),
                        NOTES));
        FIELDS.put(
                EventType.PESTICIDE_USE,
                List.of(
                        EventField.text("productName", true, 100),
                        EventField.text("registrationNumber", true, 40),
                        EventField.text("activeIngredient", true, 100),
                        EventField.text("dose", true, 40),
                        EventField.choice("doseUnit", true, 20, "毫升/亩", "克/亩", "倍液", "毫升/桶", "克/桶"),
                        EventField.choice("method", true, 40, "喷雾", "灌根", "撒施", "拌种", "熏蒸", "涂抹"),
                        EventField.of("safetyIntervalDays", "safetyIntervalDays", INTEGER, true),
                        EventField.text("target", false, 100),
                        NOTES));
        FIELDS.put(
                EventType.IRRIGATION,
                List.of(
                        EventField.choice("method", true, 40, "滴灌", "喷灌", "漫灌", "沟灌", "微喷"),
                        EventField.text("waterSource", false, 100),
                        EventField.text("waterAmount", "amount", false, 40),
                        NOTES));
        FIELDS.put(
                EventType.HARVEST,
                List.of(
                        EventField.of("quantityAmount", "quantity.amount", DECIMAL, true),
                        EventField.of("quantityUnit", "quantity.unit", UNIT, true),
                        NOTES));
        FIELDS.put(
                EventType.INSPECTION,
                List.of(
                        EventField.text("agency", true, 100),
                        EventField.choice("method", true, 100, "农药残留快速检测（酶抑制法）", "胶体金快速检测", "实验室检测"),
                        EventField.of("items", "items", LIST, true),
                        EventField.of("result", "result", RESULT, true),
                        EventField.of("reportAttachmentId", "reportAttachmentId", ATTACHMENT, false),
                        NOTES));
        FIELDS.put(
                EventType.PACKING,
                List.of(
                        EventField.choice("packageType", true, 60, "纸箱", "塑料筐", "网袋", "泡沫箱", "礼盒", "散装"),
                        EventField.of("quantityAmount", "quantity.amount", DECIMAL, true),
                        EventField.of("quantityUnit", "quantity.unit", UNIT, true),
                        NOTES));
        FIELDS.put(
                EventType.SHIPMENT,
                List.of(
                        EventField.text("buyerName", true, 200),
                        EventField.of("buyerOrganizationId", "buyerOrganizationId", ORGANIZATION, false),
                        EventField.text("buyerContact", false, 60),
                        EventField.of("quantityAmount", "quantity.amount", DECIMAL, true),
                        EventField.of("quantityUnit", "quantity.unit", UNIT, true),
                        NOTES));
        FIELDS.put(
                EventType.PROCESSING,
                List.of(
                        EventField.choice("method", true, 100, "清洗分拣", "分级包装", "切配", "烘干", "制茶", "冷冻", "腌制"),
                        EventField.of("inputBatchNumbers", "inputs", BATCH_LIST, false),
                        EventField.of("quantityAmount", "output.amount", DECIMAL, false),
                        EventField.of("quantityUnit", "output.unit", UNIT, false),
                        NOTES));
        FIELDS.put(
                EventType.RECALL,
                List.of(
                        EventField.of("reason", "reason", TEXTAREA, true),
                        EventField.of("instructions", "instructions", TEXTAREA, false),
                        NOTES));
    }

    private EventFields() {}

    static boolean isRecordable(EventType type) {
        return RECORDABLE.contains(type);
    }

    /** The fields of a recordable event type, in form order. */
    static List<EventField> of(EventType type) {
        List<EventField> fields = FIELDS.get(type);
        if (fields == null) {
            throw new IllegalArgumentException("Not recorded by hand: " + type);
        }
        return fields;
    }

    /** Every field name any event type has, in a stable order: the columns of the import file. */
    static List<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        RECORDABLE.forEach(type -> of(type).forEach(field -> names.add(field.name())));
        names.remove("notes");
        names.remove("reportAttachmentId");
        names.remove("buyerOrganizationId");
        names.add("notes");
        return List.copyOf(names);
    }

    /** A complaint about one field's value, in the words of the form. */
    record FieldProblem(String field, String message) {}

    /** The details JSON of an event, or what is wrong with the values. */
    record Conversion(ObjectNode details, List<FieldProblem> problems) {

        boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * Turns flat form or import values into the details of an event of this type.
     *
     * @param label the words for a field in messages (its label on the form, its column in a file)
     */
    static Conversion toDetails(
            EventType type, Map<String, String> values, JsonMapper json, Function<EventField, String> label) {
        ObjectNode details = json.createObjectNode();
        List<FieldProblem> problems = new ArrayList<>();
        List<EventField> fields = of(type);
        for (EventField field : fields) {
            String value = valueOf(field, values);
            if (value.isEmpty()) {
                if (field.required()) {
                    problems.add(new FieldProblem(
                            field.name(),
                            field.kind() == EventField.Kind.CHOICE
                                    ? "请选择“" + label.apply(field) + "”；列表里没有的，选“其他”后填写。"
                                    : field.isSelect()
                                            ? "请选择“" + label.apply(field) + "”。"
                                            : "请填写“" + label.apply(field) + "”。"));
                }
                continue;
            }
            if (field.maxLength() > 0 && value.length() > field.maxLength()) {
                problems.add(new FieldProblem(
                        field.name(),
                        "“" + label.apply(field) + "”最多 " + field.maxLength() + " 个字，现在有 " + value.length()
                                + " 个字，请缩短。"));
                continue;
            }
            try {
                put(details, field.path(), valueOf(field, value, json));
            } catch (IllegalArgumentException wrong) {
                problems.add(new FieldProblem(field.name(), "“" + label.apply(field) + "”" + wrong.getMessage()));
            }
        }
        checkQuantityPairs(fields, values, problems, label);
        return new Conversion(details, List.copyOf(problems));
    }

    /**
     * The value as sent, stripped: for a choice, the word picked, or what was typed under "其他" (an import file
     * has the word itself).
     */
    private static String valueOf(EventField field, Map<String, String> values) {
        String value =
                blank(values.get(field.name())) ? "" : values.get(field.name()).strip();
        if (field.kind() == EventField.Kind.CHOICE && (value.isEmpty() || value.equals(EventField.OTHER))) {
            String typed = values.get(field.otherName());
            return blank(typed) ? "" : typed.strip();
        }
        return value;
    }

    /** An amount without a unit (or the reverse) cannot be a quantity: say which half is missing. */
    private static void checkQuantityPairs(
            List<EventField> fields,
            Map<String, String> values,
            List<FieldProblem> problems,
            Function<EventField, String> label) {
        Optional<EventField> amount =
                fields.stream().filter(f -> f.name().equals("quantityAmount")).findFirst();
        Optional<EventField> unit =
                fields.stream().filter(f -> f.name().equals("quantityUnit")).findFirst();
        if (amount.isEmpty() || unit.isEmpty() || amount.get().required()) {
            return;
        }
        boolean hasAmount = !blank(values.get("quantityAmount"));
        boolean hasUnit = !blank(values.get("quantityUnit"));
        if (hasAmount && !hasUnit) {
            problems.add(new FieldProblem("quantityUnit", "请选择“" + label.apply(unit.get()) + "”。"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static JsonNode valueOf(EventField field, String value, JsonMapper json) {
        return switch (field.kind()) {
            case DECIMAL -> json.getNodeFactory().stringNode(decimal(value));
            case INTEGER -> json.getNodeFactory().numberNode(integer(value));
            case UNIT -> json.getNodeFactory().stringNode(unit(value).name());
            case RESULT -> json.getNodeFactory().stringNode(result(value));
            case ORGANIZATION, ATTACHMENT -> json.getNodeFactory().numberNode(identifier(value));
            case LIST -> {
                ArrayNode items = json.createArrayNode();
                split(value).forEach(items::add);
                yield items;
            }
            case BATCH_LIST -> {
                ArrayNode inputs = json.createArrayNode();
                split(value)
                        .forEach(number -> inputs.add(json.createObjectNode().put("batchNumber", number)));
                yield inputs;
            }
            case TEXT, CHOICE, TEXTAREA -> json.getNodeFactory().stringNode(value);
        };
    }

    static List<String> split(String value) {
        return Arrays.stream(LIST_SEPARATORS.split(value))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** Full-width digits and separators (１２５０．５) are what a Chinese keyboard often types: accept them. */
    private static String normalised(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC)
                .replace(",", "")
                .replace(" ", "");
    }

    static String decimal(String value) {
        String normalised = normalised(value);
        try {
            BigDecimal amount = new BigDecimal(normalised);
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("应大于 0，例如 1250 或 12.5；现在是“" + value + "”。");
            }
            return amount.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("应是数字，例如 1250 或 12.5；现在是“" + value + "”。");
        }
    }

    static int integer(String value) {
        String normalised = normalised(value).replaceAll("(天|days?)$", "");
        try {
            int number = Integer.parseInt(normalised);
            if (number < 0 || number > 365) {
                throw new IllegalArgumentException("应是 0 至 365 之间的整数（天数），例如 7；现在是“" + value + "”。");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("应是整数（天数），例如 7；现在是“" + value + "”。");
        }
    }

    private static long identifier(String value) {
        try {
            return Long.parseLong(normalised(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("不是有效的选项，请重新选择。");
        }
    }

    private static final Map<String, QuantityUnit> UNIT_WORDS = unitWords();

    private static Map<String, QuantityUnit> unitWords() {
        Map<String, QuantityUnit> words = new LinkedHashMap<>();
        for (QuantityUnit unit : QuantityUnit.values()) {
            words.put(unit.name().toLowerCase(Locale.ROOT), unit);
            words.put(unit.chineseName(), unit);
        }
        words.put("公斤", QuantityUnit.KG);
        words.put("千克(kg)", QuantityUnit.KG);
        words.put("只", QuantityUnit.PIECE);
        words.put("株", QuantityUnit.PIECE);
        words.put("件", QuantityUnit.PIECE);
        return words;
    }

    /** A unit by its code ({@code KG}) or its Chinese name (千克, 公斤, 斤...). */
    static QuantityUnit unit(String value) {
        QuantityUnit unit = UNIT_WORDS.get(normalised(value).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("不是已知的单位“" + value + "”，请用 千克、斤、克、吨、个、箱、袋 或 头。");
        }
        return unit;
    }

    /** A test result by its code ({@code PASS}) or in words (合格, 不合格). */
    static String result(String value) {
        String word = normalised(value).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "PASS", "合格", "通过", "阴性" -> "PASS";
            case "FAIL", "不合格", "未通过", "阳性" -> "FAIL";
            default -> throw new IllegalArgumentException("应填写“合格”或“不合格”；现在是“" + value + "”。");
        };
    }

    /** The form values of recorded details: what "same as last time" and corrections start from. */
    static Map<String, String> toValues(EventType type, JsonNode details) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EventField field : of(type)) {
            JsonNode node = at(details, field.path());
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue;
            }
            switch (field.kind()) {
                case LIST -> values.put(field.name(), String.join("、", texts(node)));
                case BATCH_LIST -> {
                    List<String> numbers = new ArrayList<>();
                    node.forEach(input -> numbers.add(input.path("batchNumber").asString()));
                    values.put(field.name(), String.join("、", numbers));
                }
                default -> values.put(field.name(), node.asString());
            }
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static JsonNode at(JsonNode details, String path) {
        JsonNode node = details;
        for (String segment : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.get(segment);
        }
        return node;
    }

    private static void put(ObjectNode details, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        ObjectNode node = details;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(segments[i]);
        }
        node.set(segments[segments.length - 1], value);
    }

    /**
     * The form field a service's complaint is about: {@code details.quantity.amount} on a harvest is the form's
     * {@code quantityAmount}; null when no field of the form matches.
     */
    static String formField(EventType type, String serviceField) {
        if (serviceField == null) {
            return null;
        }
        if (serviceField.equals("occurredOn")) {
            return "occurredOn";
        }
        String path = serviceField.startsWith("details.") ? serviceField.substring("details.".length()) : serviceField;
        for (EventField field : of(type)) {
            if (path.equals(field.path())
                    || path.startsWith(field.path() + ".")
                    || path.startsWith(field.path() + "[")) {
                return field.name();
            }
        }
        // A quantity as a whole (details.quantity) is about its amount.
        for (EventField field : of(type)) {
            if (field.path().startsWith(path + ".")) {
                return field.name();
            }
        }
        return null;
    }
}
