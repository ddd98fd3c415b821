package org.suyuan.db.archive;

/** Where a batch is in its life. A recalled batch stays recalled. */
public enum BatchStatus {
    IN_PRODUCTION("生产中"),
    HARVESTED("已采收"),
    SHIPPED("已销售"),
    RECALLED("已召回");

    private final String chineseName;

    BatchStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Status only moves forward; a recall ends the life of a batch. */
    public boolean canBecome(BatchStatus next) {
        return this != RECALLED && next.ordinal() > ordinal();
    }

    /**
     * Whether new serials, label sheets and certificates may vouch for the batch's goods: not once it is recalled,
     * since every new label would put recalled goods back on sale looking genuine. Codes already issued keep
     * working, and tell whoever scans them that the batch is recalled.
     */
    public boolean mayBeLabelled() {
        return this != RECALLED;
    }

    /**
     * Whether the batch may still be harvested, so that when the last pesticide's safety interval ends still
     * matters: while growing and between pickings, not once it is sold on or recalled.
     */
    public boolean mayStillBeHarvested() {
        return this == IN_PRODUCTION || this == HARVESTED;
    }
}
