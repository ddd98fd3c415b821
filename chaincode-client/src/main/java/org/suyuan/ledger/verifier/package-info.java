/**
 * The offline verifier: a small runnable jar ({@code chaincode-client/target/suyuan-chaincode-client-*-verifier.jar}, built by
 * {@code ./mvnw package}) that checks a proof bundle without Spring and without trusting the service.
 */
package org.suyuan.ledger.verifier;
