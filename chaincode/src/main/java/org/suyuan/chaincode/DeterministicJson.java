package org.suyuan.chaincode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes and reads the flat JSON objects the contract stores: string, integer and null values only.
 *
 * <p>Every endorsing peer must produce the same bytes for the same transaction, so keys are written in sorted
 * order, without whitespace, with one fixed escaping. Nothing here depends on a library's map ordering or number
 * formatting. The reader accepts exactly what the writer produces (and insignificant whitespace); it is not a
 * general JSON parser and does not need to be, since it only ever reads state this contract wrote.
 */
final class DeterministicJson {

    private DeterministicJson() {}

    /** Writes the members in key order; values must be {@link String}, {@link Long} or {@code null}. */
    static String write(SortedMap<String, Object> members) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            writeString(json, member.getKey());
            json.append(':');
            Object value = member.getValue();
            if (value == null) {
                json.append("null");
            } else if (value instanceof String) {
                writeString(json, (String) value);
            } else if (value instanceof Long) {
                json.append(((Long) value).longValue());
            } else {
                throw new IllegalArgumentException("Unsupported JSON value type: " + value.getClass());
            }
        }
        return json.append('}').toString();
    }

    private static void writeString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                case '\b':
                    json.append("\\b");
                    break;
                case '\f':
                    json.append("\\f");
                    break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }

    /** Reads a flat object written by {@link #write}; members keep their order of appearance. */
    static Map<String, Object> read(String json) {
        Reader reader = new Reader(json);
        Map<String, Object> members = reader.readObject();
        reader.skipWhitespace();
        if (!reader.atEnd()) {
            throw reader.error("trailing characters");
        }
        return Collections.unmodifiableMap(members);
    }

    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> readObject() {
            Map<String, Object> members = new LinkedHashMap<>();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                position++;
                return members;
            }
            while (true) {
                skipWhitespace();
                String key = readString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                if (members.put(key, readValue()) != null) {
                    throw error("duplicate key " + key);
                }
                skipWhitespace();
                char next = next();
                if (next == '}') {
                    return members;
                }
                if (next != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private Object readValue() {
            char c = peek();
            if (c == '"') {
                return readString();
            }
            if (c == 'n') {
                if (!text.startsWith("null", position)) {
                    throw error("expected null");
                }
                position += 4;
                return null;
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = position;
                if (c == '-') {
                    position++;
                }
                while (!atEnd() && peek() >= '0' && peek() <= '9') {
                    position++;
                }
                try {
                    return Long.parseLong(text.substring(start, position));
                } catch (NumberFormatException e) {
                    throw error("expected an integer");
                }
            }
            throw error("unsupported value");
        }

        private String readString() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"':
                    case '\\':
                    case '/':
                        value.append(escaped);
                        break;
                    case 'n':
                        value.append('\n');
                        break;
                    case 'r':
                        value.append('\r');
                        break;
                    case 't':
                        value.append('\t');
                        break;
                    case 'b':
                        value.append('\b');
                        break;
                    case 'f':
                        value.append('\f');
                        break;
                    case 'u':
                        if (position + 4 > text.length()) {
                            throw error("truncated unicode escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("invalid unicode escape");
                        }
                        position += 4;
                        break;
                    default:
                        throw error("invalid escape");
                }
            }
        }

        void skipWhitespace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        boolean atEnd() {
            return position >= text.length();
        }

        private char peek() {
            if (atEnd()) {
                throw error("unexpected end");
            }
            return text.charAt(position);
        }

        private char next() {
            char c = peek();
            position++;
            return c;
        }

        private void expect(char expected) {
            if (next() != expected) {
                throw error("expected '" + expected + "'");
            }
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Malformed anchor JSON at " + position + ": " + problem);
        }
    }
}
