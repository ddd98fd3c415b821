package org.suyuan.code;

import java.util.Locale;

/** What a printed QR symbol carries. */
enum LinkKind {
    /** {@code {base}/t/{code}}: every code has it, and every phone camera opens it. The default. */
    TRACE("trace"),
    /** {@code {base}/01/{gtin}/10/{lot}[/21/{serial}]}: also read by retail scanners; only for products with a GTIN. */
    GS1("gs1");

    private final String parameter;

    LinkKind(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code link} request parameter; absent means {@link #TRACE}. */
    static LinkKind parse(String value) {
        if (value == null || value.isBlank()) {
            return TRACE;
        }
        String key = value.strip().toLowerCase(Locale.ROOT);
        for (LinkKind kind : values()) {
            if (kind.parameter.equals(key)) {
                return kind;
            }
        }
        throw InvalidCodeRequestException.linkKind(value);
    }
}
