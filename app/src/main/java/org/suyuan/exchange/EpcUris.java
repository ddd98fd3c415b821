package org.suyuan.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EPC URNs and GS1 Digital Link URIs in the form the CBV 2.0 event hash compares them in (rules 17 and 18): an EPC
 * URN becomes its canonical Digital Link on {@code https://id.gs1.org}, and a Digital Link on any domain is cut down
 * to that domain, no query string, and its most fine-grained key (GTIN with serial, else with lot).
 *
 * <p>Covers the schemes an agricultural archive meets (SGTIN, LGTIN, SSCC, SGLN, PGLN, GIAI, GRAI, GDTI); any other
 * URN is left as it is, which keeps the hash well defined even where it cannot be compared across systems.
 */
final class EpcUris {

    private static final String CANONICAL_DOMAIN = "https://id.gs1.org";

    /** Primary keys a Digital Link path may start from, with the qualifiers kept after them (rule 18 III). */
    private static final Map<String, List<String>> PRIMARY_KEYS = Map.ofEntries(
            Map.entry("00", List.of()),
            Map.entry("01", List.of("235", "21", "10")),
            Map.entry("253", List.of()),
            Map.entry("255", List.of()),
            Map.entry("401", List.of()),
            Map.entry("402", List.of()),
            Map.entry("414", List.of("254")),
            Map.entry("417", List.of()),
            Map.entry("8003", List.of()),
            Map.entry("8004", List.of()),
            Map.entry("8006", List.of("21", "10")),
            Map.entry("8010", List.of("8011")),
            Map.entry("8017", List.of()),
            Map.entry("8018", List.of()));

    private static final Set<String> EXCLUSIVE = Set.of("21", "10", "235");

    private EpcUris() {}

    /** The canonical Digital Link of an EPC URN, if it is one of the schemes covered. */
    static Optional<String> toDigitalLink(String urn) {
        String[] scheme = urn.split(":", 5);
        if (scheme.length != 5 || !scheme[0].equals("urn") || !scheme[1].equals("epc")) {
            return Optional.empty();
        }
        String[] parts = scheme[4].split("\\.", -1);
        try {
            return Optional.ofNullable(
                            switch (scheme[2] + ":" + scheme[3]) {
                                case "id:sgtin" ->
                                    parts.length == 3
                                            ? "/01/" + gtin(parts[0], parts[1]) + "/21/" + reencode(parts[2])
                                            : null;
                                case "class:lgtin" ->
                                    parts.length == 3
                                            ? "/01/" + gtin(parts[0], parts[1]) + "/10/" + reencode(parts[2])
                                            : null;
                                case "id:sscc" ->
                                    parts.length == 2
                                            ? "/00/"
                                                    + withCheckDigit(
                                                            parts[1].charAt(0) + parts[0] + parts[1].substring(1))
                                            : null;
                                case "id:sgln" ->
                                    parts.length == 3
                                            ? "/414/" + withCheckDigit(parts[0] + parts[1])
                                                    + (parts[2].equals("0") ? "" : "/254/" + reencode(parts[2]))
                                            : null;
                                case "id:pgln" ->
                                    parts.length == 2 ? "/417/" + withCheckDigit(parts[0] + parts[1]) : null;
                                case "id:giai" -> parts.length == 2 ? "/8004/" + parts[0] + reencode(parts[1]) : null;
                                case "id:grai" ->
                                    parts.length == 3
                                            ? "/8003/0" + withCheckDigit(parts[0] + parts[1]) + reencode(parts[2])
                                            : null;
                                case "id:gdti" ->
                                    parts.length == 3
                                            ? "/253/" + withCheckDigit(parts[0] + parts[1]) + reencode(parts[2])
                                            : null;
                                default -> null;
                            })
                    .map(path -> CANONICAL_DOMAIN + path);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The constrained canonical form of a GS1 Digital Link on any domain, or empty if the URI is not one (our trace
     * URLs and location URIs are not).
     */
    static Optional<String> constrainedDigitalLink(String uri) {
        String path;
        try {
            path = new URI(uri).getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/", -1);
        for (int start = 1; start + 1 < segments.length; start++) {
            List<String> qualifiers = PRIMARY_KEYS.get(segments[start]);
            if (qualifiers == null || !plausibleKey(segments[start], segments[start + 1])) {
                continue;
            }
            if ((segments.length - start) % 2 != 0) {
                return Optional.empty();
            }
            Map<String, String> pairs = new LinkedHashMap<>();
            for (int i = start + 2; i + 1 < segments.length; i += 2) {
                pairs.put(segments[i], segments[i + 1]);
            }
            StringBuilder canonical = new StringBuilder(CANONICAL_DOMAIN)
                    .append('/')
                    .append(segments[start])
                    .append('/')
                    .append(segments[start].equals("01") ? padGtin(segments[start + 1]) : segments[start + 1]);
            for (String qualifier : qualifiers) {
                if (pairs.containsKey(qualifier)) {
                    canonical.append('/').append(qualifier).append('/').append(pairs.get(qualifier));
                    if (EXCLUSIVE.contains(qualifier)) {
                        break;
                    }
                }
            }
            return Optional.of(canonical.toString());
        }
        return Optional.empty();
    }

    private static boolean plausibleKey(String key, String value) {
        return switch (key) {
            case "00" -> value.matches("\\d{18}");
            case "01", "8006" -> value.matches("\\d{8}|\\d{12,14}");
            case "414", "417" -> value.matches("\\d{13}");
            default -> !value.isEmpty();
        };
    }

    private static String padGtin(String gtin) {
        return "0".repeat(Math.max(0, 14 - gtin.length())) + gtin;
    }

    /** GTIN-14 from an EPC's company prefix and indicator + item reference. */
    private static String gtin(String companyPrefix, String indicatorAndItem) {
        return withCheckDigit(indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1));
    }

    /** Appends the GS1 mod-10 check digit: weights 3 and 1 alternating from the rightmost digit. */
    private static String withCheckDigit(String digits) {
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("not digits: " + digits);
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** An EPC URN escapes with %XX; a Digital Link path percent-encodes all but letters, digits and "-._". */
    private static String reencode(String urnComponent) {
        byte[] decoded = percentDecode(urnComponent);
        StringBuilder out = new StringBuilder(decoded.length);
        for (byte b : decoded) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static byte[] percentDecode(String text) {
        List<Byte> bytes = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.add((byte) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    bytes.add(b);
                }
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }
}
