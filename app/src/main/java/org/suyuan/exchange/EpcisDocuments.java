package org.suyuan.exchange;

import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EPCIS 2.0 documents ({@code EPCISDocument}, JSON-LD): one batch's whole document in memory, or a writer that
 * streams events into the document as pages of batches arrive, keeping nothing once written.
 */
@Component
class EpcisDocuments {

    static final String MEDIA_TYPE = "application/ld+json";

    private final EpcisEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final SuyuanProperties properties;

    EpcisDocuments(EpcisEvents events, JsonMapper json, Clock clock, SuyuanProperties properties) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** The document of one batch. */
    ObjectNode document(BatchFacts facts) {
        ObjectNode document = header();
        var list = document.putObject("epcisBody").putArray("eventList");
        events.events(facts).forEach(list::add);
        return document;
    }

    /** Starts a document on the stream; events follow batch by batch, {@link Writer#finish()} closes it. */
    Writer open(OutputStream out) {
        JsonGenerator generator = json.createGenerator(out);
        ObjectNode header = header();
        generator.writeStartObject();
        header.properties().forEach(field -> {
            generator.writeName(field.getKey());
            generator.writeTree(field.getValue());
        });
        generator.writeName("epcisBody");
        generator.writeStartObject();
        generator.writeName("eventList");
        generator.writeStartArray();
        return new Writer(generator);
    }

    /** Writes events of batches into an open document. */
    final class Writer {

        private final JsonGenerator generator;
        private long written;

        private Writer(JsonGenerator generator) {
            this.generator = generator;
        }

        void add(BatchFacts facts) {
            for (ObjectNode event : events.events(facts)) {
                generator.writeTree(event);
                written++;
            }
            generator.flush();
        }

        /** Closes the document and returns how many events it holds; the stream stays open. */
        long finish() {
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeEndObject();
            generator.flush();
            return written;
        }
    }

    private ObjectNode header() {
        ObjectNode document = json.createObjectNode();
        document.set("@context", events.context());
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put(
                "creationDate",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        clock.instant().atZone(properties.timeZone()).toOffsetDateTime()));
        return document;
    }
}
