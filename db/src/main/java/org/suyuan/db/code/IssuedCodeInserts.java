package org.suyuan.db.code;

import java.util.List;

/** Stores many new codes at once: a request may issue ten thousand serials. */
public interface IssuedCodeInserts {

    /**
     * Inserts the codes with multi-row {@code INSERT} statements, a few hundred rows each, in the current
     * transaction. The codes are not attached to the persistence context; read them back to change them.
     */
    void insertAll(List<IssuedCode> codes);
}
