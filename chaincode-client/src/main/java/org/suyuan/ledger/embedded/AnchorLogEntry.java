package org.suyuan.ledger.embedded;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.suyuan.ledger.AnchorReceipt;
import org.suyuan.ledger.AnchorRequest;
import org.suyuan.ledger.RecordHash;
import org.suyuan.ledger.proof.CanonicalJson;
import org.suyuan.ledger.proof.HashChain;

/**
 * One row of the anchor log. Its entry hash chains it to the row before, exactly as {@link HashChain} chains
 * a batch's events: SHA-256(previous entry hash ‖ UTF-8(JCS(entry))), with 32 zero bytes before the first.
 *
 * <p>The hashed JSON holds every anchor column, times as UTC with exactly six fraction digits, for example
 * <code>{"anchoredAt":"2026-03-01T08:00:00.000000Z","leafCount":3,"previousRoot":null,"root":"…",
 * "sequenceNumber":1,"submitter":"embedded","windowEnd":"…","windowStart":"…"}</code>.
 */
record AnchorLogEntry(
        long sequenceNumber,
        AnchorRequest request,
        Instant anchoredAt,
        String submitter,
        Optional<RecordHash> previousEntryHash,
        RecordHash entryHash) {

    private static final DateTimeFormatter UTC_MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    AnchorLogEntry {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(previousEntryHash, "previousEntryHash");
        Objects.requireNonNull(entryHash, "entryHash");
        if (sequenceNumber < 1) {
            throw new IllegalArgumentException("Sequence numbers start at 1, got " + sequenceNumber);
        }
    }

    /** The entry that follows {@code head} (or starts the log), with its entry hash computed. */
    static AnchorLogEntry append(
            Optional<AnchorLogEntry> head, AnchorRequest request, Instant anchoredAt, String submitter) {
        long sequenceNumber = head.map(entry -> entry.sequenceNumber() + 1).orElse(1L);
        Optional<RecordHash> previousEntryHash = head.map(AnchorLogEntry::entryHash);
        Instant time = atMicroseconds(anchoredAt);
        AnchorRequest stored = atMicroseconds(request);
        RecordHash entryHash =
                HashChain.link(previousEntryHash.orElse(null), canonicalJson(sequenceNumber, stored, time, submitter));
        return new AnchorLogEntry(sequenceNumber, stored, time, submitter, previousEntryHash, entryHash);
    }

    /** A request as the log stores it: times cut to the microseconds the columns hold. */
    static AnchorRequest atMicroseconds(AnchorRequest request) {
        return new AnchorRequest(
                request.root(),
                request.leafCount(),
                request.previousRoot(),
                atMicroseconds(request.windowStart()),
                atMicroseconds(request.windowEnd()));
    }

    static Instant atMicroseconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The entry hash recomputed from the stored columns; differs from {@link #entryHash} if a column changed. */
    RecordHash recomputedEntryHash() {
        return HashChain.link(
                previousEntryHash.orElse(null), canonicalJson(sequenceNumber, request, anchoredAt, submitter));
    }

    AnchorReceipt receipt() {
        return new AnchorReceipt(request, entryHash.hex(), sequenceNumber, anchoredAt, submitter);
    }

    private static String canonicalJson(
            long sequenceNumber, AnchorRequest request, Instant anchoredAt, String submitter) {
        String json = "{\"sequenceNumber\":" + sequenceNumber
                + ",\"root\":" + string(request.root().hex())
                + ",\"leafCount\":" + request.leafCount()
                + ",\"previousRoot\":"
                + request.previousRoot().map(root -> string(root.hex())).orElse("null")
                + ",\"windowStart\":" + string(UTC_MICROSECONDS.format(request.windowStart()))
                + ",\"windowEnd\":" + string(UTC_MICROSECONDS.format(request.windowEnd()))
                + ",\"anchoredAt\":" + string(UTC_MICROSECONDS.format(anchoredAt))
                + ",\"submitter\":" + string(submitter)
                + "}";
        return CanonicalJson.canonicalize(json);
    }

    /** A JSON string literal; any valid escaping will do, the canonicaliser rewrites it. */
    private static String string(String value) {
        StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (character == '"' || character == '\\') {
                literal.append('\\').append(character);
            } else if (character < 0x20) {
                literal.append(String.format("\\u%04x", (int) character));
            } else {
                literal.append(character);
            }
        }
        return literal.append('"').toString();
    }
}
