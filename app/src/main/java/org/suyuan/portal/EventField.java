package org.suyuan.portal;

import java.util.List;

/**
 * One field of an event form and of an import row: its form name, where it goes in the event's details, what kind
 * of value it takes.
 *
 * @param name the form and import name ({@code quantityAmount})
 * @param path where the value goes in the details JSON ({@code quantity.amount})
 * @param required whether the event needs it (the form marks it; the archive decides)
 * @param maxLength the longest text the archive accepts, or 0 when not text
 * @param choices for {@link Kind#CHOICE}, the words a farmer picks from (as they are stored); empty otherwise
 */
record EventField(String name, String path, Kind kind, boolean required, int maxLength, List<String> choices) {

    /** What a field takes, and so how a form shows it and how an import reads it. */
    enum Kind {
        TEXT,
        /** Text picked from a catalogue of usual words ({@link #choices}), or typed under "其他" when none fits. */
        CHOICE,
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

    /** What a farmer picks on the form to type a word that is not among the choices. */
    static final String OTHER = "其他";

    static EventField text(String name, boolean required, int maxLength) {
        return new EventField(name, name, Kind.TEXT, required, maxLength, List.of());
    }

    static EventField text(String name, String path, boolean required, int maxLength) {
        return new EventField(name, path, Kind.TEXT, required, maxLength, List.of());
    }

    /** A word picked from a catalogue: a select on the form, plain text in an import file. */
    static EventField choice(String name, boolean required, int maxLength, String... choices) {
        return new EventField(name, name, Kind.CHOICE, required, maxLength, List.of(choices));
    }

    static EventField of(String name, String path, Kind kind, boolean required) {
        return new EventField(name, path, kind, required, kind == Kind.TEXTAREA ? 500 : 0, List.of());
    }

    /** The form parameter that carries the typed word when {@link #OTHER} is picked. */
    String otherName() {
        return name + "Other";
    }

    boolean isSelect() {
        return kind == Kind.UNIT || kind == Kind.RESULT || kind == Kind.ORGANIZATION || kind == Kind.ATTACHMENT;
    }
}
