/**
 * Anchoring: every recorded event's hash reaches the ledger inside a Merkle tree, without a write ever waiting
 * for the ledger.
 *
 * <p>Recording an event puts its hash in an outbox in the same transaction; a worker anchors windows of them (up
 * to {@code suyuan.anchoring.max-leaves} leaves or {@code max-window} of waiting) as one root per ledger
 * transaction, chained to the previous root, and stores each event's inclusion proof. Other features use {@link
 * org.suyuan.anchoring.AnchoringService} and {@link org.suyuan.anchoring.EventAnchoring}; the rest is internal.
 */
package org.suyuan.anchoring;
