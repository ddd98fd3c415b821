/**
 * Persistence for Suyuan: Flyway migrations (in {@code db/migration}), JPA entities and Spring Data repositories.
 *
 * <p>No business rules live here; the application's features decide what may be written. Entities expose
 * intention-revealing methods instead of setters where a change has meaning (a batch being recalled), and the
 * event log has no way to change a row once written.
 */
package org.suyuan.db;
