package org.suyuan.code;

import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;

/** A code with what it stands for: its batch, the batch's product and plot, and the producer. */
record CodeView(IssuedCode code, Batch batch, Product product, Plot plot, Organization organization) {

    boolean isBatchCode() {
        return code.getKind() == CodeKind.BATCH;
    }
}
