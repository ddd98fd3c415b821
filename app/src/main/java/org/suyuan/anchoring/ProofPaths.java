package org.suyuan.anchoring;

import java.util.ArrayList;
import java.util.List;
import org.suyuan.ledger.RecordHash;

/** The stored form of an inclusion proof's audit path: the sibling hashes' hex, concatenated. */
final class ProofPaths {

    private static final int HEX_LENGTH = 64;

    private ProofPaths() {}

    static String encode(List<RecordHash> path) {
        StringBuilder text = new StringBuilder(path.size() * HEX_LENGTH);
        path.forEach(hash -> text.append(hash.hex()));
        return text.toString();
    }

    static List<RecordHash> decode(String text) {
        if (text == null || text.length() % HEX_LENGTH != 0) {
            throw new IllegalArgumentException("A stored audit path is a multiple of 64 hex characters, got: " + text);
        }
        List<RecordHash> path = new ArrayList<>(text.length() / HEX_LENGTH);
        for (int start = 0; start < text.length(); start += HEX_LENGTH) {
            path.add(new RecordHash(text.substring(start, start + HEX_LENGTH)));
        }
        return path;
    }
}
