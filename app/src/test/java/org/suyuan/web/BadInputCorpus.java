package org.suyuan.web;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.suyuan.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad requests generated from the service's own OpenAPI document, so that an endpoint added tomorrow is covered
 * without anyone adding it to a list: for every write operation under {@code /api/}, malformed JSON, every
 * property null, of the wrong type, huge, with NUL and control characters, broken encodings, wrong content types,
 * an oversize body, broken multipart bodies, and traversal and NUL in its path; for every paged read, unknown sort
 * properties; and long headers. Each request goes out as one of three callers in turn (producer, regulator,
 * administrator), so errors raised before and after the role check are both met.
 */
final class BadInputCorpus {

    /** Who sends a request. */
    enum Caller {
        PRODUCER,
        REGULATOR,
        ADMIN
    }

    /** One request of the corpus, sent with a real HTTP client. */
    record Case(
            String description,
            String method,
            String path,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            Caller caller) {}

    /** One request only a raw socket can send (a NUL byte or a broken escape in the request line). */
    record RawCase(String description, byte[] request) {}

    /** An operation of the OpenAPI document. */
    record Operation(String method, String path, JsonNode definition) {

        boolean multipart() {
            return definition.path("requestBody").path("content").has("multipart/form-data");
        }

        boolean jsonBody() {
            return definition.path("requestBody").path("content").has("application/json");
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            for (JsonNode parameter : definition.path("parameters")) {
                if ("path".equals(parameter.path("in").asText())) {
                    names.add(parameter.path("name").asText());
                }
            }
            return names;
        }

        boolean paged() {
            for (JsonNode parameter : definition.path("parameters")) {
                String name = parameter.path("name").asText();
                if ("pageable".equals(name) || "sort".equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Larger than the largest request body the service accepts (13 MB of multipart). */
    static final int OVERSIZE = 14 * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    private final JsonNode openApi;
    private final BiFunction<String, String, String> pathValues;
    private final List<Case> cases = new ArrayList<>();
    private int sent;

    /**
     * @param openApi the service's {@code /v3/api-docs}
     * @param pathValues a value for a path parameter, given the operation's path template and the parameter's name
     *     ({@code id}, {@code code}...): a real one, so that requests get past "not found" to the body
     */
    BadInputCorpus(JsonNode openApi, BiFunction<String, String, String> pathValues) {
        this.openApi = openApi;
        this.pathValues = pathValues;
    }

    /** Every operation under {@code /api/} that writes (POST, PUT, PATCH, DELETE). */
    static List<Operation> writeOperations(JsonNode openApi) {
        return operations(openApi, true);
    }

    /** Every paged read under {@code /api/}. */
    static List<Operation> pagedReads(JsonNode openApi) {
        return operations(openApi, false).stream().filter(Operation::paged).toList();
    }

    private static List<Operation> operations(JsonNode openApi, boolean writes) {
        List<Operation> operations = new ArrayList<>();
        openApi.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                boolean write = WRITE_METHODS.contains(operation.getKey());
                if (write == writes && (write || "get".equals(operation.getKey()))) {
                    operations.add(
                            new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
                }
            });
        });
        return operations;
    }

    /** The whole corpus. */
    List<Case> cases() {
        cases.clear();
        for (Operation operation : writeOperations(openApi)) {
            String path = concretePath(operation, Map.of());
            if (operation.multipart()) {
                multipartCases(operation, path);
            } else if (operation.jsonBody()) {
                jsonCases(operation, path);
            } else {
                bodylessCases(operation, path);
            }
            pathCases(operation);
            headerCases(operation, path);
        }
        for (Operation operation : pagedReads(openApi)) {
            sortCases(operation, concretePath(operation, Map.of()));
        }
        return List.copyOf(cases);
    }

    /** Request lines Tomcat must refuse itself, with an API path. */
    static List<RawCase> rawCases() {
        List<RawCase> raw = new ArrayList<>();
        raw.add(new RawCase("raw NUL in path", bytes("GET /api/v1/batches/1\0/events HTTP/1.1")));
        raw.add(new RawCase("raw NUL in POST path", bytes("POST /api/v1/batches/\0 HTTP/1.1", "Content-Length: 0")));
        raw.add(new RawCase("broken escape", bytes("GET /api/v1/batches/%ZZ HTTP/1.1")));
        raw.add(new RawCase("lone percent", bytes("POST /api/v1/batches/% HTTP/1.1", "Content-Length: 0")));
        raw.add(new RawCase("encoded NUL", bytes("POST /api/v1/batches/%00/events HTTP/1.1", "Content-Length: 0")));
        raw.add(new RawCase("encoded dot-dot", bytes("POST /api/v1/%2e%2e/%2e%2e/etc/passwd HTTP/1.1")));
        raw.add(new RawCase("raw dot-dot", bytes("POST /api/v1/batches/../../../etc/passwd HTTP/1.1")));
        raw.add(new RawCase("backslash", bytes("GET /api/v1/batches\\..\\..\\windows HTTP/1.1")));
        raw.add(new RawCase("raw UTF-8 in path", rawUtf8("GET /api/v1/批次/1 HTTP/1.1")));
        raw.add(new RawCase("overlong UTF-8 dot", bytes("GET /api/v1/%c0%ae%c0%ae/%c0%ae%c0%ae HTTP/1.1")));
        raw.add(new RawCase("invalid UTF-8 escape", bytes("POST /api/v1/batches/%ff%fe/events HTTP/1.1")));
        raw.add(new RawCase("header without colon", bytes("GET /api/v1/me HTTP/1.1", "Broken header line")));
        raw.add(new RawCase("space in header name", bytes("GET /api/v1/me HTTP/1.1", "X Bad: value")));
        raw.add(new RawCase("NUL in header", bytes("GET /api/v1/me HTTP/1.1", "X-Test: a\0b")));
        raw.add(new RawCase(
                "header of 20 kB", bytes("POST /api/v1/batches HTTP/1.1", "X-Long: " + "a".repeat(20_000))));
        raw.add(new RawCase("request line of 20 kB", bytes("GET /api/v1/batches?" + "q".repeat(20_000) + " HTTP/1.1")));
        raw.add(new RawCase(
                "two content lengths",
                bytes("POST /api/v1/batches HTTP/1.1", "Content-Length: 2", "Content-Length: 3")));
        raw.add(new RawCase("negative content length", bytes("POST /api/v1/batches HTTP/1.1", "Content-Length: -1")));
        return raw;
    }

    private void jsonCases(Operation operation, String path) {
        JsonNode schema = resolve(operation
                .definition()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
        ObjectNode base = (ObjectNode) sample(schema, "", 0);
        for (String malformed : malformedJson()) {
            json(
                    operation,
                    path,
                    "malformed JSON " + abbreviate(malformed),
                    malformed.getBytes(StandardCharsets.UTF_8));
        }
        json(operation, path, "JSON nested 3000 deep", ("[".repeat(3000) + "]".repeat(3000)).getBytes());
        json(operation, path, "object nested 3000 deep", nestedObject(3000).getBytes());
        json(operation, path, "key of 100k characters", ("{\"" + "k".repeat(100_000) + "\":1}").getBytes());
        json(operation, path, "empty object", "{}".getBytes());
        json(operation, path, "array of the body", ("[" + base + "]").getBytes());
        json(operation, path, "unknown member", with(base, "unexpectedMember", NODES.stringNode("?")));
        json(
                operation,
                path,
                "duplicate members",
                (base.toString().replaceFirst("\\{", "{\"x\":1,\"x\":2,")).getBytes());
        encodingCases(operation, path, base);
        contentTypeCases(operation, path, base.toString().getBytes(StandardCharsets.UTF_8));
        propertyCases(operation, path, base, base, schema, "", 0);
        String padded = base.toString().replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(OVERSIZE) + "\",");
        add("oversize JSON body (14 MB)", operation.method(), path, "application/json", padded.getBytes(), Map.of());
    }

    /** Every property (and the properties of nested objects and array items) replaced by something bad. */
    private void propertyCases(
            Operation operation, String path, ObjectNode root, ObjectNode node, JsonNode schema, String at, int depth) {
        if (depth > 2) {
            return;
        }
        schema.path("properties").properties().forEach(property -> {
            String name = property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            for (Map.Entry<String, JsonNode> bad : badValues(propertySchema).entrySet()) {
                JsonNode original = node.get(name);
                node.set(name, bad.getValue());
                json(
                        operation,
                        path,
                        at + name + " = " + bad.getKey(),
                        root.toString().getBytes(StandardCharsets.UTF_8));
                if (original == null) {
                    node.remove(name);
                } else {
                    node.set(name, original);
                }
            }
            JsonNode value = node.get(name);
            if (value instanceof ObjectNode nested) {
                propertyCases(operation, path, root, nested, propertySchema, at + name + ".", depth + 1);
            } else if (value instanceof ArrayNode array
                    && !array.isEmpty()
                    && array.get(0) instanceof ObjectNode item) {
                propertyCases(
                        operation,
                        path,
                        root,
                        item,
                        resolve(propertySchema.path("items")),
                        at + name + "[0].",
                        depth + 1);
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 1001; i++) {
                    many.add(item.deepCopy());
                }
                node.set(name, many);
                json(
                        operation,
                        path,
                        at + name + " with 1001 items",
                        root.toString().getBytes(StandardCharsets.UTF_8));
                node.set(name, array);
            }
        });
    }

    private Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        values.put("a string", NODES.stringNode("not-a-value"));
        values.put("a number", NODES.numberNode(12.5));
        values.put("a boolean", NODES.booleanNode(true));
        values.put("an object", NODES.objectNode().put("a", 1));
        values.put("an array", NODES.arrayNode().add(1).add("two"));
        values.put("200k characters", NODES.stringNode("长".repeat(200_000)));
        values.put("a NUL character", NODES.stringNode("前\u0000后"));
        values.put("control characters", NODES.stringNode("\u0007\u001b[31m\r\n\t"));
        values.put("a lone surrogate", NODES.stringNode("\ud800x"));
        values.put("markup", NODES.stringNode("<script>alert(1)</script>' OR '1'='1"));
        values.put("10^40", NODES.numberNode(BigInteger.TEN.pow(40)));
        values.put("-1", NODES.numberNode(-1));
        values.put("Long.MIN_VALUE", NODES.numberNode(Long.MIN_VALUE));
        values.put("0", NODES.numberNode(0));
        values.put("1e308", NODES.numberNode(1e308));
        values.put("impossible date", NODES.stringNode("2026-02-30"));
        values.put("year 999999999", NODES.stringNode("+999999999-12-31"));
        values.put("empty string", NODES.stringNode(""));
        values.put("blank string", NODES.stringNode(" \u3000 "));
        if (schema.has("enum")) {
            values.put("unknown enum", NODES.stringNode("NOT_A_CHOICE"));
            values.put(
                    "lower-case enum",
                    NODES.stringNode(schema.path("enum").get(0).asText().toLowerCase()));
        }
        return values;
    }

    private void encodingCases(Operation operation, String path, ObjectNode base) {
        String text = base.toString();
        add(
                "UTF-16 body",
                operation.method(),
                path,
                "application/json",
                text.getBytes(StandardCharsets.UTF_16),
                Map.of());
        add(
                "UTF-16 body declared",
                operation.method(),
                path,
                "application/json; charset=UTF-16",
                text.getBytes(StandardCharsets.UTF_16),
                Map.of());
        add(
                "unknown charset",
                operation.method(),
                path,
                "application/json; charset=no-such-charset",
                text.getBytes(StandardCharsets.UTF_8),
                Map.of());
        add(
                "Latin-1 declared, UTF-8 sent",
                operation.method(),
                path,
                "application/json; charset=ISO-8859-1",
                text.getBytes(StandardCharsets.UTF_8),
                Map.of());
        byte[][] invalid = {
            {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}, {0x00}
        };
        for (byte[] bad : invalid) {
            add(
                    "invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad),
                    operation.method(),
                    path,
                    "application/json",
                    insertIntoFirstString(text, bad),
                    Map.of());
        }
    }

    private void contentTypeCases(Operation operation, String path, byte[] body) {
        List<String> types = new ArrayList<>(List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=corpus",
                "multipart/form-data",
                "application/octet-stream",
                "image/png",
                "application/json-patch+json",
                "*/*",
                "application/json; boundary=\"unterminated",
                "not a media type"));
        for (String type : types) {
            add("content type " + type, operation.method(), path, type, body, Map.of());
        }
        add("no content type", operation.method(), path, null, body, Map.of());
    }

    private void bodylessCases(Operation operation, String path) {
        contentTypeCases(operation, path, "{\"unexpected\": true}".getBytes());
        for (String malformed : malformedJson()) {
            json(operation, path, "body " + abbreviate(malformed), malformed.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void multipartCases(Operation operation, String path) {
        String method = operation.method();
        String field = "file";
        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqzUCIgYIBQAYKgN1RttJhQAAAABJRU5ErkJggg==");
        multipart(method, path, "a small PNG", part(field, "photo.png", png), true);
        multipart(method, path, "NUL in file name", part(field, "a\0b.png", png), true);
        multipart(method, path, "traversal in file name", part(field, "../../../../etc/passwd", png), true);
        multipart(method, path, "Windows traversal in file name", part(field, "..\\..\\boot.ini", png), true);
        multipart(method, path, "file name of 10k characters", part(field, "名".repeat(10_000) + ".png", png), true);
        multipart(method, path, "control characters in file name", part(field, "a\u0007\u001b.png", png), true);
        multipart(method, path, "invalid UTF-8 in file name", partWithRawName(field, png), true);
        multipart(method, path, "empty file", part(field, "empty.png", new byte[0]), true);
        multipart(method, path, "random bytes", part(field, "noise.jpg", noise(4096)), true);
        multipart(method, path, "PDF header only", part(field, "report.pdf", "%PDF-".getBytes()), true);
        multipart(method, path, "wrong part name", part("other", "photo.png", png), true);
        multipart(method, path, "no parts", new byte[0], true);
        multipart(method, path, "two files", concat(part(field, "a.png", png), part(field, "b.png", png)), true);
        byte[] whole = multipartBody(part(field, "photo.png", png));
        for (int cut : List.of(10, 60, 120, whole.length / 2, whole.length - 8, whole.length - 2)) {
            add(
                    "multipart truncated at " + cut,
                    method,
                    path,
                    "multipart/form-data; boundary=" + BOUNDARY,
                    java.util.Arrays.copyOf(whole, Math.min(cut, whole.length)),
                    Map.of());
        }
        add("multipart without boundary", method, path, "multipart/form-data", whole, Map.of());
        add("multipart with another boundary", method, path, "multipart/form-data; boundary=other", whole, Map.of());
        add("empty multipart body", method, path, "multipart/form-data; boundary=" + BOUNDARY, new byte[0], Map.of());
        add("JSON sent to an upload", method, path, "application/json", "{\"file\":\"x\"}".getBytes(), Map.of());
        add("form sent to an upload", method, path, "application/x-www-form-urlencoded", "file=x".getBytes(), Map.of());
        multipart(method, path, "oversize file (14 MB)", part(field, "big.jpg", new byte[OVERSIZE]), true);
    }

    private void pathCases(Operation operation) {
        List<String> parameters = operation.pathParameters();
        List<String> values = List.of(
                "0",
                "-1",
                "abc",
                "99999999999999999999",
                "1.5",
                "%00",
                "%2e%2e",
                "..%2f..%2fetc%2fpasswd",
                "%c0%ae%c0%ae",
                "%ff%fe",
                "%E6%89%B9",
                "1;jsessionid=x",
                "1%3B",
                "%2F",
                "%5C",
                "%20",
                "%0d%0aX-Injected:%20yes");
        if (parameters.isEmpty()) {
            for (String suffix : List.of("/%2e%2e", "/..;", "/%00", "%20", "/%2e%2e/%2e%2e/admin")) {
                add(
                        "path " + suffix,
                        operation.method(),
                        operation.path() + suffix,
                        "application/json",
                        "{}".getBytes(),
                        Map.of());
            }
            return;
        }
        for (String value : values) {
            String path = concretePath(operation, Map.of(parameters.get(0), value));
            add(
                    "path " + parameters.get(0) + "=" + value,
                    operation.method(),
                    path,
                    "application/json",
                    "{}".getBytes(),
                    Map.of());
        }
    }

    private void headerCases(Operation operation, String path) {
        byte[] body = "{}".getBytes();
        add("header of 9 kB", operation.method(), path, "application/json", body, Map.of("X-Long", "a".repeat(9_000)));
        add(
                "header of 70 kB",
                operation.method(),
                path,
                "application/json",
                body,
                Map.of("X-Long", "a".repeat(70_000)));
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            many.put("X-Many-" + i, "v".repeat(60));
        }
        add("150 headers", operation.method(), path, "application/json", body, many);
        add(
                "Idempotency-Key of 5000 characters",
                operation.method(),
                path,
                "application/json",
                body,
                Map.of("Idempotency-Key", "k".repeat(5000)));
        add(
                "Idempotency-Key with spaces",
                operation.method(),
                path,
                "application/json",
                body,
                Map.of("Idempotency-Key", "a key with spaces"));
        add("Accept image/png", operation.method(), path, "application/json", body, Map.of("Accept", "image/png"));
        add("Accept garbage", operation.method(), path, "application/json", body, Map.of("Accept", "no/such;;q=x"));
        add(
                "Accept-Language garbage",
                operation.method(),
                path,
                "application/json",
                body,
                Map.of("Accept-Language", "??-!!,*;q=2"));
    }

    private void sortCases(Operation operation, String path) {
        List<String> queries = List.of(
                "sort=nope",
                "sort=id,sideways",
                "sort=passwordHash",
                "sort=tokenHash,desc",
                "sort=content",
                "sort=",
                "sort=,,",
                "sort=%00",
                "sort=id%3Bdrop%20table%20batch",
                "sort=organization.name",
                "sort=" + "x".repeat(5000),
                "page=-1",
                "size=0",
                "size=100000000",
                "page=abc",
                "size=abc",
                "page=99999999999");
        for (String query : queries) {
            add("query " + abbreviate(query), "GET", path + "?" + query, null, null, Map.of());
        }
    }

    private void json(Operation operation, String path, String description, byte[] body) {
        add(description, operation.method(), path, "application/json", body, Map.of());
    }

    private void multipart(String method, String path, String description, byte[] parts, boolean closed) {
        byte[] body = closed ? multipartBody(parts) : parts;
        add(description, method, path, "multipart/form-data; boundary=" + BOUNDARY, body, Map.of());
    }

    private void add(
            String description,
            String method,
            String path,
            String contentType,
            byte[] body,
            Map<String, String> headers) {
        Caller caller = Caller.values()[sent++ % Caller.values().length];
        Map<String, String> all = new LinkedHashMap<>(headers);
        // Every fourth write carries an Idempotency-Key, so the filter that stores and replays answers meets the
        // same bad input as the controllers.
        if (!"GET".equals(method) && sent % 4 == 0 && !all.containsKey("Idempotency-Key")) {
            all.put("Idempotency-Key", "corpus-" + sent);
        }
        cases.add(new Case(method + " " + path + ": " + description, method, path, contentType, body, all, caller));
    }

    private String concretePath(Operation operation, Map<String, String> overrides) {
        String path = operation.path();
        for (String name : operation.pathParameters()) {
            String value = overrides.containsKey(name) ? overrides.get(name) : pathValues.apply(operation.path(), name);
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    /** A plausible value for a schema: enough to reach the checks of the other members. */
    private JsonNode sample(JsonNode schema, String name, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return NODES.stringNode(resolved.path("enum").get(0).asText());
        }
        String type = resolved.path("type").asText("object");
        return switch (type) {
            case "string" -> NODES.stringNode(sampleText(resolved, name));
            case "integer" -> NODES.numberNode(sampleInteger(name));
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(sample(resolved.path("items"), name, depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    resolved.path("properties")
                            .properties()
                            .forEach(property -> object.set(
                                    property.getKey(), sample(property.getValue(), property.getKey(), depth + 1)));
                }
                yield object;
            }
        };
    }

    private static String sampleText(JsonNode schema, String name) {
        if ("date".equals(schema.path("format").asText())) {
            return TestClock.TODAY.minusDays(1).toString();
        }
        String lower = name.toLowerCase();
        if (lower.contains("region")) {
            return "340210";
        }
        if (lower.contains("phone")) {
            return "13955312345";
        }
        if (lower.contains("unit")) {
            return "KG";
        }
        if (lower.contains("amount")) {
            return "10";
        }
        return "坏输入测试";
    }

    private long sampleInteger(String name) {
        if (name.endsWith("Id") || "id".equals(name)) {
            String value = pathValues.apply("", name.equals("batchId") ? "id" : name);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException notANumber) {
                return 1;
            }
        }
        return 1;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String reference = current.path("$ref").asText();
            current = openApi.path("components")
                    .path("schemas")
                    .path(reference.substring(reference.lastIndexOf('/') + 1));
        }
        return current;
    }

    private static List<String> malformedJson() {
        return List.of(
                "",
                "{",
                "}",
                "{\"",
                "[",
                "null",
                "[]",
                "\"text\"",
                "12345",
                "true",
                "{\"a\":}",
                "{,}",
                "{'a':1}",
                "{\"a\":1,}",
                "\uFEFF{}",
                "{\"a\":\"raw \u0000 NUL\"}",
                "{\"a\":\"raw\nnewline\"}",
                "/* comment */ {}",
                "NaN",
                "{\"a\":NaN}",
                "{\"a\":1e99999}",
                "{\"a\":0x1F}",
                "{\"a\":\"\\uD800\"}",
                "{\"a\":\"\\u00\"}",
                "{} {}",
                "{\"a\":1}garbage");
    }

    private static String nestedObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static byte[] with(ObjectNode base, String name, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(name, value);
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insertIntoFirstString(String json, byte[] bad) {
        int quote = json.indexOf(":\"");
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        if (quote < 0) {
            return concat(bad, text);
        }
        int at = json.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        return concat(
                java.util.Arrays.copyOf(text, at), concat(bad, java.util.Arrays.copyOfRange(text, at, text.length)));
    }

    private static final String BOUNDARY = "corpus-boundary";

    private static byte[] part(String field, String filename, byte[] content) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return concat(concat(head, content), "\r\n".getBytes());
    }

    private static byte[] partWithRawName(String field, byte[] content) {
        byte[] head = concat(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"")
                        .getBytes(StandardCharsets.UTF_8),
                concat(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\"\r\n\r\n".getBytes()));
        return concat(concat(head, content), "\r\n".getBytes());
    }

    private static byte[] multipartBody(byte[] parts) {
        return concat(parts, ("--" + BOUNDARY + "--\r\n").getBytes());
    }

    private static byte[] noise(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(12).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private static byte[] bytes(String requestLine, String... headers) {
        return RawHttp.request(requestLine, headers);
    }

    private static byte[] rawUtf8(String requestLine) {
        return concat(
                requestLine.getBytes(StandardCharsets.UTF_8),
                "\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String abbreviate(String text) {
        String printable = text.replace("\u0000", "\\0").replace("\n", "\\n").replace("\uFEFF", "BOM");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…(" + text.length() + ")";
    }
}
