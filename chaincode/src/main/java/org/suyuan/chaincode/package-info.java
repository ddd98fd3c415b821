/**
 * The Suyuan smart contract for Hyperledger Fabric: it keeps one anchor per Merkle root, so that the roots the
 * service computed over its records cannot later be replaced or dropped without the ledger showing it.
 *
 * <p>The contract is deliberately small. It holds no state besides the anchors, keeps no global "latest" key
 * (a key every transaction writes would turn concurrent anchors into MVCC read conflicts), and uses neither the
 * clock nor randomness: every endorsing peer must compute byte-identical results, so time comes from the
 * transaction header and JSON is written with sorted keys.
 *
 * <p>It is compiled for Java 11 so that any peer's Java chaincode runtime can run it, and is deployed as
 * chaincode-as-a-service (see the module README).
 */
package org.suyuan.chaincode;
