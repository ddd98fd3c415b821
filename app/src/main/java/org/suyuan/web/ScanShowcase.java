package org.suyuan.web;

import java.util.List;

/**
 * Codes the landing page offers to open, one per verdict a consumer can meet; a trial installation's demo data
 * provides them. Production installations have none.
 */
public interface ScanShowcase {

    /**
     * One code to try.
     *
     * @param state the verdict its page shows: VERIFIED, PENDING, TAMPERED, RECALLED or UNKNOWN
     * @param code the code, whose page is {@code /t/{code}}
     * @param batchNumber its batch, or null for a code that was never issued
     * @param recordFirst whether opening it should first record a new event (how PENDING is shown for real)
     */
    record Entry(String state, String code, String batchNumber, boolean recordFirst) {}

    List<Entry> entries();
}
