package org.suyuan.chaincode;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An anchor as the world state holds it: the content the client asked for, plus who submitted it and the
 * transaction that stored it. Its JSON form is what {@code anchor} and {@code getAnchor} return and what the
 * {@code AnchorRecorded} event carries.
 */
final class Anchor {

    private final AnchorContent content;
    private final String submitter;
    private final String transactionId;
    private final Instant anchoredAt;

    Anchor(AnchorContent content, String submitter, String transactionId, Instant anchoredAt) {
        this.content = content;
        this.submitter = submitter;
        this.transactionId = transactionId;
        this.anchoredAt = anchoredAt;
    }

    AnchorContent content() {
        return content;
    }

    String submitter() {
        return submitter;
    }

    String transactionId() {
        return transactionId;
    }

    Instant anchoredAt() {
        return anchoredAt;
    }

    String toJson() {
        SortedMap<String, Object> members = new TreeMap<>();
        members.put("root", content.root());
        members.put("leafCount", content.leafCount());
        members.put("previousRoot", content.previousRoot());
        members.put("windowStart", content.windowStart().toString());
        members.put("windowEnd", content.windowEnd().toString());
        members.put("submitter", submitter);
        members.put("transactionId", transactionId);
        members.put("anchoredAt", anchoredAt.toString());
        return DeterministicJson.write(members);
    }

    static Anchor fromJson(String json) {
        Map<String, Object> members = DeterministicJson.read(json);
        AnchorContent content = new AnchorContent(
                (String) members.get("root"),
                (Long) members.get("leafCount"),
                (String) members.get("previousRoot"),
                Instant.parse((String) members.get("windowStart")),
                Instant.parse((String) members.get("windowEnd")));
        return new Anchor(
                content,
                (String) members.get("submitter"),
                (String) members.get("transactionId"),
                Instant.parse((String) members.get("anchoredAt")));
    }
}
