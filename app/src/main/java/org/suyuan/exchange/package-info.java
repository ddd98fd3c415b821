/**
 * Exchange with the rest of the food system (issue 14): a batch's archive as an EPCIS 2.0 JSON-LD document with
 * CBV 2.0 business steps and event hash ids, and as NY/T 4712-2025 records (入库/出库批次 with 来源 and 去向) in
 * JSON and XLSX for upward exchange to provincial and national platforms; per batch for its producer and the
 * regulators of its jurisdiction, and streamed page by page for a whole jurisdiction.
 *
 * <p>Everything here is package-private: the controllers answer HTTP, {@link org.suyuan.exchange.ExchangeService}
 * decides who may read what (the owner, or a regulator through {@code supervision.Jurisdiction}) and reads the
 * archive through its repositories and {@code archive.BatchService}. Hashing is {@code ledger.RecordHash}.
 */
package org.suyuan.exchange;
