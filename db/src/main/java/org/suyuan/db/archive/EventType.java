package org.suyuan.db.archive;

/** The kinds of entries in a batch's production archive (生产档案). */
public enum EventType {
    CREATED("建档"),
    PLANTING("播种/定植"),
    FERTILISING("施肥"),
    PESTICIDE_USE("施药"),
    IRRIGATION("灌溉"),
    HARVEST("采收"),
    INSPECTION("检测"),
    PACKING("包装"),
    SHIPMENT("销售/发货"),
    PROCESSING("加工"),
    /** Goods received from another organization on Suyuan: opens the buyer's downstream batch (来源). */
    RECEIPT("收货"),
    RECALL("召回"),
    /**
     * A rapid test (快检) by a township inspection station, not by the batch's owner: recorded on the batch it
     * tested, hashed and anchored like every entry.
     */
    RAPID_TEST("快检");

    private final String chineseName;

    EventType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
