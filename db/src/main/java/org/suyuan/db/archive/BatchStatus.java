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
}
