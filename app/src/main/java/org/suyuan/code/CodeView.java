package org.suyuan.code;

import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;

/**
 * A code with what it stands for: its batch, the batch's product and plot, the organization that issued the code and
 * the producer who grew the goods.
 *
 * @param organization the organization holding the batch, which issued the code (a market for goods it received)
 * @param producer who grew the goods: the organization itself, or for goods received, the producer of origin
 */
record CodeView(
        IssuedCode code, Batch batch, Product product, Plot plot, Organization organization, Organization producer) {

    CodeView(IssuedCode code, Batch batch, Product product, Plot plot, Organization producer) {
        this(code, batch, product, plot, producer, producer);
    }

    /** Whether the goods were received from another organization (the code's holder did not grow them). */
    boolean isReceived() {
        return !producer.getId().equals(organization.getId());
    }

    boolean isBatchCode() {
        return code.getKind() == CodeKind.BATCH;
    }
}
