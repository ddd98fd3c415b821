package org.suyuan.exchange;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.suyuan.ledger.RecordHash;
import tools.jackson.databind.JsonNode;

/**
 * The EPCIS Event Hash ID of CBV 2.0 (section 8.9): {@code ni:///sha-256;<hex>?ver=CBV2.0} over a pre-hash string
 * in which every field of the event appears in the canonical property order, values normalised (times in UTC at
 * millisecond precision, bare CBV values and CURIEs expanded, EPC URNs and GS1 Digital Links in their constrained
 * canonical form, numbers without trailing zeros) and list members sorted. Two serialisations of the same event
 * therefore share one id, and anyone can recompute it from the exported JSON.
 *
 * <p>The rules are those of the reference implementation the reference notes name (RalphTro/epcis-event-hash-generator,
 * README "Algorithm", rules 1 to 24, and its canonical property order); the unit test checks a published example
 * pre-hash and hash. {@code eventID}, {@code recordTime}, {@code errorDeclaration} and {@code certificationInfo} are
 * not hashed, so an error declaration keeps the id of the event it declares wrong.
 *
 * <p>The digest is {@link RecordHash#sha256}: Suyuan has one hashing home.
 */
final class EventHash {

    static final String CBV_VERSION = "CBV2.0";

    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final String GS1_VOCABULARY = "https://gs1.org/voc/";

    private static final Set<String> NOT_HASHED =
            Set.of("type", "eventID", "recordTime", "errorDeclaration", "certificationInfo", "@context");

    /** The canonical property order, and how each property is written. */
    private static final List<Map.Entry<String, Kind>> ORDER = List.of(
            Map.entry("eventTime", Kind.VALUE),
            Map.entry("eventTimeZoneOffset", Kind.VALUE),
            Map.entry("epcList", Kind.EPC_LIST),
            Map.entry("parentID", Kind.VALUE),
            Map.entry("inputEPCList", Kind.EPC_LIST),
            Map.entry("childEPCs", Kind.EPC_LIST),
            Map.entry("quantityList", Kind.QUANTITY_LIST),
            Map.entry("childQuantityList", Kind.QUANTITY_LIST),
            Map.entry("inputQuantityList", Kind.QUANTITY_LIST),
            Map.entry("outputEPCList", Kind.EPC_LIST),
            Map.entry("outputQuantityList", Kind.QUANTITY_LIST),
            Map.entry("action", Kind.VALUE),
            Map.entry("transformationID", Kind.VALUE),
            Map.entry("bizStep", Kind.VALUE),
            Map.entry("disposition", Kind.VALUE),
            Map.entry("persistentDisposition", Kind.PERSISTENT_DISPOSITION),
            Map.entry("readPoint", Kind.LOCATION),
            Map.entry("bizLocation", Kind.LOCATION),
            Map.entry("bizTransactionList", Kind.TYPED_LIST),
            Map.entry("sourceList", Kind.TYPED_LIST),
            Map.entry("destinationList", Kind.TYPED_LIST),
            Map.entry("sensorElementList", Kind.SENSOR_LIST),
            Map.entry("ilmd", Kind.ILMD));

    private static final Set<String> ORDERED =
            ORDER.stream().map(Map.Entry::getKey).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final List<String> SENSOR_METADATA = List.of(
            "time",
            "startTime",
            "endTime",
            "deviceID",
            "deviceMetadata",
            "rawData",
            "dataProcessingMethod",
            "bizRules");

    private static final List<String> SENSOR_REPORT = List.of(
            "type",
            "exception",
            "deviceID",
            "deviceMetadata",
            "rawData",
            "dataProcessingMethod",
            "time",
            "microorganism",
            "chemicalSubstance",
            "value",
            "component",
            "stringValue",
            "booleanValue",
            "hexBinaryValue",
            "uriValue",
            "minValue",
            "maxValue",
            "meanValue",
            "sDev",
            "percRank",
            "percValue",
            "uom",
            "coordinateReferenceSystem");

    /** Sorting "by UTF-8/ASCII code values" is code point order, which String.compareTo is not above U+D7FF. */
    private static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static final DateTimeFormatter UTC_MILLISECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private enum Kind {
        VALUE,
        EPC_LIST,
        QUANTITY_LIST,
        PERSISTENT_DISPOSITION,
        LOCATION,
        TYPED_LIST,
        SENSOR_LIST,
        ILMD
    }

    /** The CBV vocabulary a bare string of a field is short for (rule 16). */
    private enum Vocabulary {
        BIZ_STEP(CBV + "BizStep-"),
        DISPOSITION(CBV + "Disp-"),
        BIZ_TRANSACTION_TYPE(CBV + "BTT-"),
        SOURCE_DESTINATION_TYPE(CBV + "SDT-"),
        ERROR_REASON(CBV + "ER-"),
        MEASUREMENT_TYPE(GS1_VOCABULARY),
        NONE(null);

        private final String prefix;

        Vocabulary(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Map<String, String> namespaces;

    /**
     * @param prefixes the JSON-LD prefixes the document's {@code @context} declares, prefix to namespace IRI
     */
    EventHash(Map<String, String> prefixes) {
        Map<String, String> all = new HashMap<>();
        all.put("gs1", GS1_VOCABULARY);
        all.put("cbv", CBV);
        all.put("epcis", "https://ref.gs1.org/epcis/");
        all.putAll(prefixes);
        this.namespaces = Map.copyOf(all);
    }

    /** The event's hash id, {@code ni:///sha-256;<64 hex>?ver=CBV2.0}. */
    String id(JsonNode event) {
        return "ni:///sha-256;" + RecordHash.sha256(preHash(event).getBytes(StandardCharsets.UTF_8)) + "?ver="
                + CBV_VERSION;
    }

    /** The pre-hash string the id digests. */
    String preHash(JsonNode event) {
        StringBuilder out = new StringBuilder(512);
        out.append("eventType=").append(event.path("type").asString(""));
        for (Map.Entry<String, Kind> property : ORDER) {
            JsonNode node = event.get(property.getKey());
            if (node != null && !node.isNull()) {
                out.append(property(property.getKey(), property.getValue(), node));
            }
        }
        List<String> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            if (!ORDERED.contains(field.getKey()) && !NOT_HASHED.contains(field.getKey())) {
                extensions.addAll(extension(field.getKey(), field.getValue()));
            }
        }
        out.append(sorted(extensions));
        return out.toString();
    }

    private String property(String name, Kind kind, JsonNode node) {
        return switch (kind) {
            case VALUE -> keyValue(name, node, vocabularyOf(name));
            case EPC_LIST -> list(name, values("epc", node, Vocabulary.NONE));
            case QUANTITY_LIST -> {
                List<String> elements = new ArrayList<>();
                for (JsonNode element : node) {
                    String fields = keyValue("epcClass", element.get("epcClass"), Vocabulary.NONE)
                            + keyValue("quantity", element.get("quantity"), Vocabulary.NONE)
                            + keyValue("uom", element.get("uom"), Vocabulary.NONE);
                    if (!fields.isEmpty()) {
                        elements.add("quantityElement" + fields);
                    }
                }
                yield list(name, elements);
            }
            case PERSISTENT_DISPOSITION -> {
                String fields = sorted(values("set", node.path("set"), Vocabulary.DISPOSITION))
                        + sorted(values("unset", node.path("unset"), Vocabulary.DISPOSITION));
                yield fields.isEmpty() ? "" : name + fields;
            }
            case LOCATION -> {
                String id = keyValue("id", node.get("id"), Vocabulary.NONE);
                yield id.isEmpty() ? "" : name + id;
            }
            case TYPED_LIST -> {
                // bizTransactionList holds bizTransaction, sourceList source, destinationList destination.
                String member = name.substring(0, name.length() - "List".length());
                Vocabulary types = member.equals("bizTransaction")
                        ? Vocabulary.BIZ_TRANSACTION_TYPE
                        : Vocabulary.SOURCE_DESTINATION_TYPE;
                List<String> elements = new ArrayList<>();
                for (JsonNode element : node) {
                    // Rule 13: the type follows the value it qualifies, before the members are sorted.
                    String fields = keyValue(member, element.get(member), Vocabulary.NONE)
                            + keyValue("type", element.get("type"), types);
                    if (!fields.isEmpty()) {
                        elements.add(fields);
                    }
                }
                yield list(name, elements);
            }
            case SENSOR_LIST -> {
                List<String> elements = new ArrayList<>();
                for (JsonNode element : node) {
                    String metadata = element.has("sensorMetadata")
                            ? ordered("sensorMetadata", element.get("sensorMetadata"), SENSOR_METADATA)
                            : "";
                    List<String> reports = new ArrayList<>();
                    for (JsonNode report : element.path("sensorReport")) {
                        reports.add(ordered("sensorReport", report, SENSOR_REPORT));
                    }
                    String fields = metadata
                            + sorted(reports)
                            + sorted(extensionsOf(element, Set.of("sensorMetadata", "sensorReport")));
                    if (!fields.isEmpty()) {
                        elements.add("sensorElement" + fields);
                    }
                }
                yield list(name, elements);
            }
            case ILMD -> {
                String fields = sorted(extensionsOf(node, Set.of()));
                yield fields.isEmpty() ? "" : name + fields;
            }
        };
    }

    /** A record of standard fields in their fixed order, then its user extensions sorted (rule 21). */
    private String ordered(String name, JsonNode node, List<String> fieldOrder) {
        StringBuilder fields = new StringBuilder();
        for (String field : fieldOrder) {
            Vocabulary vocabulary =
                    name.equals("sensorReport") && field.equals("type") ? Vocabulary.MEASUREMENT_TYPE : Vocabulary.NONE;
            fields.append(keyValue(field, node.get(field), vocabulary));
        }
        fields.append(sorted(extensionsOf(node, Set.copyOf(fieldOrder))));
        return fields.isEmpty() ? "" : name + fields;
    }

    private List<String> extensionsOf(JsonNode node, Set<String> standard) {
        List<String> extensions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!standard.contains(field.getKey())) {
                extensions.addAll(extension(field.getKey(), field.getValue()));
            }
        }
        return extensions;
    }

    /**
     * A user extension (rules 19 to 21): {@code {namespace}localName=value}, or for a structure the name followed
     * by its members, sorted; each element of an array is a sibling with the same name.
     */
    private List<String> extension(String key, JsonNode node) {
        String name = expandedName(key);
        if (node.isArray()) {
            List<String> siblings = new ArrayList<>();
            for (JsonNode element : node) {
                siblings.addAll(extension(key, element));
            }
            return siblings;
        }
        if (node.isObject()) {
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.addAll(extension(member.getKey(), member.getValue()));
            }
            return List.of(name + sorted(members));
        }
        String value = value(key, node, Vocabulary.NONE);
        return List.of(value.isEmpty() ? name : name + "=" + value);
    }

    private String expandedName(String key) {
        int colon = key.indexOf(':');
        if (colon > 0 && namespaces.containsKey(key.substring(0, colon))) {
            return "{" + namespaces.get(key.substring(0, colon)) + "}" + key.substring(colon + 1);
        }
        if (key.startsWith("http://") || key.startsWith("https://")) {
            int split = Math.max(key.lastIndexOf('#'), key.lastIndexOf('/')) + 1;
            return "{" + key.substring(0, split) + "}" + key.substring(split);
        }
        return key;
    }

    private List<String> values(String key, JsonNode node, Vocabulary vocabulary) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                String pair = keyValue(key, element, vocabulary);
                if (!pair.isEmpty()) {
                    values.add(pair);
                }
            }
        }
        return values;
    }

    private String keyValue(String key, JsonNode node, Vocabulary vocabulary) {
        if (node == null || node.isNull() || node.isContainer()) {
            return "";
        }
        String value = value(key, node, vocabulary);
        return value.isEmpty() ? "" : key + "=" + value;
    }

    private static String list(String name, List<String> members) {
        String joined = sorted(members);
        return joined.isEmpty() ? "" : name + joined;
    }

    private static String sorted(List<String> members) {
        List<String> copy = new ArrayList<>(members);
        copy.sort(CODE_POINT_ORDER);
        return String.join("", copy);
    }

    private static Vocabulary vocabularyOf(String field) {
        return switch (field) {
            case "bizStep" -> Vocabulary.BIZ_STEP;
            case "disposition" -> Vocabulary.DISPOSITION;
            default -> Vocabulary.NONE;
        };
    }

    /** Rules 5 to 9 and 14 to 18: the canonical form of one value. */
    private String value(String key, JsonNode node, Vocabulary vocabulary) {
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        }
        String text = node.asString("").strip();
        if (text.isEmpty()) {
            return "";
        }
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("time") && !lower.contains("offset")) {
            return utcMilliseconds(text);
        }
        if (text.startsWith("urn:epcglobal:cbv:")) {
            return cbvWebUri(text);
        }
        if (vocabulary.prefix != null && text.indexOf(':') < 0) {
            return vocabulary.prefix + text;
        }
        if (text.startsWith("urn:epc:")) {
            return EpcUris.toDigitalLink(text).orElse(text);
        }
        if (text.startsWith("http://") || text.startsWith("https://")) {
            return EpcUris.constrainedDigitalLink(text).orElse(text);
        }
        int colon = text.indexOf(':');
        if (colon > 0 && namespaces.containsKey(text.substring(0, colon))) {
            return namespaces.get(text.substring(0, colon)) + text.substring(colon + 1);
        }
        return text;
    }

    private static String cbvWebUri(String urn) {
        String rest = urn.substring("urn:epcglobal:cbv:".length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return urn;
        }
        String term = rest.substring(colon + 1);
        return switch (rest.substring(0, colon)) {
            case "bizstep" -> CBV + "BizStep-" + term;
            case "disp" -> CBV + "Disp-" + term;
            case "btt" -> CBV + "BTT-" + term;
            case "sdt" -> CBV + "SDT-" + term;
            case "er" -> CBV + "ER-" + term;
            default -> urn;
        };
    }

    /** Rules 8 and 9: UTC with 'Z', milliseconds, a fourth decimal of 5 to 9 rounding the third up. */
    private static String utcMilliseconds(String text) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            long milliseconds = (time.getNano() + 500_000L) / 1_000_000L;
            OffsetDateTime rounded = time.truncatedTo(ChronoUnit.SECONDS).plus(milliseconds, ChronoUnit.MILLIS);
            return UTC_MILLISECONDS.format(rounded.withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notATime) {
            return text;
        }
    }
}
