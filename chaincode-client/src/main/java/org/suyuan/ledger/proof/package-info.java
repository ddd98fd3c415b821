/**
 * The one home of Suyuan's hashing: canonical JSON (RFC 8785), the per-batch hash chain of events, and
 * Merkle trees with inclusion proofs (RFC 9162 hashing).
 *
 * <p>Plain Java with no framework, so that the offline verifier handed to integrators and the service
 * compute every hash with the same code. Every digest is a {@link org.suyuan.ledger.RecordHash}.
 *
 * <pre>
 * eventHash = SHA-256( previousEventHash ‖ UTF-8( JCS(event) ) )     previous = 32 zero bytes for the first event
 * leaf      = SHA-256( 0x00 ‖ eventHash )                              the 32 hash bytes are the leaf data
 * node      = SHA-256( 0x01 ‖ left ‖ right )
 * </pre>
 */
package org.suyuan.ledger.proof;
