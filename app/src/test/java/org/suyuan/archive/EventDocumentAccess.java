package org.suyuan.archive;

import tools.jackson.databind.json.JsonMapper;

/**
 * Lets benchmarks write archives straight into the database exactly as {@link BatchService} stores them, without
 * Spring: the same {@link EventDocument}, so a generated event's hash is the one the application would compute.
 */
public final class EventDocumentAccess {

    private EventDocumentAccess() {}

    public static EventDocument eventDocument(JsonMapper json) {
        return new EventDocument(json);
    }

    /** The details as {@link BatchService} stores them: canonical JSON of the typed record. */
    public static String canonicalDetails(EventDocument documents, EventDetails details) {
        return documents.canonicalDetails(details);
    }

    /** A valid 统一社会信用代码: the first seventeen characters and their check character. */
    public static String creditCode(String firstSeventeen) {
        return firstSeventeen + CreditCode.checkCharacterFor(firstSeventeen);
    }
}
