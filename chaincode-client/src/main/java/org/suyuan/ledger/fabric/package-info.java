/**
 * The {@link org.suyuan.ledger.Ledger} adapter for Hyperledger Fabric, on the Fabric Gateway client SDK.
 *
 * <p>This is the only package that may use {@code org.hyperledger..} and {@code io.grpc..} types: everything it
 * hands to the rest of Suyuan is a port type ({@link org.suyuan.ledger.AnchorReceipt}, {@link
 * org.suyuan.ledger.LedgerException}), and every SDK failure is translated in one place.
 *
 * <p>Production code creates a ledger with {@link org.suyuan.ledger.fabric.FabricLedger#connect} from {@link
 * org.suyuan.ledger.fabric.FabricSettings} (bound from {@code suyuan.ledger.fabric.*}); tests reach an in-process
 * gateway emulator through {@link org.suyuan.ledger.fabric.FabricLedger#overChannel}.
 */
package org.suyuan.ledger.fabric;
