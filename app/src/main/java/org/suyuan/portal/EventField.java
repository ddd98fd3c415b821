package org.suyuan.portal;

/**
 * One field of an event form and of an import row: its form name, where it goes in the event's details, what kind
 * of value it takes.
 *
 * @param name the form and import name ({@code quantityAmount})
 * @param path where the value goes in the details JSON ({@code quantity.amount})
 * @param required whether the event needs it (the form marks it; the archive decides)
 * @param maxLength the longest text the archive accepts, or 0 when not text
 */
record EventField(String name, String path, Kind kind, boolean required, int maxLength) {

    /** What a field takes, and so how a form shows it and how an import reads it. */
    enum Kind {
        TEXT,
        TEXTAREA,
        INTEGER,
        DECIMAL,
        UNIT,
        RESULT,
        LIST,
        ORGANIZATION,
        ATTACHMENT,
        BATCH_LIST
    }

    static EventField text(String name, boolean required, int maxLength) {
        return new EventField(name, name, Kind.TEXT, required, maxLength);
    }

    static EventField text(String name, String path, boolean required, int maxLength) {
        return new EventField(name, path, Kind.TEXT, required, maxLength);
    }

    static EventField of(String name, String path, Kind kind, boolean required) {
        return new EventField(name, path, kind, required, kind == Kind.TEXTAREA ? 500 : 0);
    }

    boolean isSelect() {
        return kind == Kind.UNIT || kind == Kind.RESULT || kind == Kind.ORGANIZATION || kind == Kind.ATTACHMENT;
    }
}
