/**
 * The embedded ledger: the {@link org.suyuan.ledger.Ledger} port kept as an append-only, hash-chained log in
 * the application's own database, so that Suyuan runs on a single machine without a Fabric network.
 *
 * <p>Plain JDBC, no framework; the table is created by the {@code db} module's Flyway migration {@code
 * V2__embedded_ledger.sql}.
 */
package org.suyuan.ledger.embedded;
