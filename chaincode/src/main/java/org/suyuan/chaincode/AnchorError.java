package org.suyuan.chaincode;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The failures the contract reports, each with a stable code.
 *
 * <p>The code is both the {@link ChaincodeException} payload and the first word of the message, because a
 * Fabric Gateway client only sees the message ("chaincode response 500, ANCHOR_CONFLICT: ..."), not the payload;
 * clients match on the code, never on the rest of the text.
 */
public enum AnchorError {
    /** An argument is malformed; the transaction changes nothing. */
    INVALID_ANCHOR,
    /** The root is already anchored with different content; anchors never change once stored. */
    ANCHOR_CONFLICT,
    /** No anchor is stored under the root that was asked for. */
    ANCHOR_NOT_FOUND;

    /** The exception that carries this error to the peer and, through it, to the client. */
    public ChaincodeException exception(String detail) {
        return new ChaincodeException(name() + ": " + detail, name());
    }
}
