package org.suyuan.archive;

/**
 * The rules that protect consumers, checked when an event is recorded. Each is a stable problem type
 * ({@code /problems/{slug}}) and the name under which refused attempts are stored for inspectors.
 */
public enum Rule {
    EVENT_IN_FUTURE("event-in-future", "记录日期不能晚于今天"),
    EVENT_BEFORE_BATCH_START("event-before-batch-start", "记录日期早于批次开始日期"),
    BATCH_RECALLED("batch-recalled", "批次已召回，不能再记录"),
    EVENT_TYPE_NOT_RECORDABLE("event-type-not-recordable", "此类记录由系统生成"),
    INVALID_CORRECTION("invalid-correction", "更正记录无效"),
    /** 禁止(停止)使用的农药. */
    BANNED_PESTICIDE("banned-pesticide", "使用了禁用农药"),
    /** 在部分范围禁止使用的农药, used on a crop it is forbidden on. */
    RESTRICTED_PESTICIDE("restricted-pesticide", "该农药禁止在此类作物上使用"),
    /** 农药管理条例: no harvest before the safety interval (安全间隔期) of a pesticide use has passed. */
    HARVEST_INSIDE_SAFETY_INTERVAL("harvest-inside-safety-interval", "安全间隔期内不得采收"),
    /** Mass balance: no more can be sold than was harvested. */
    SHIPMENT_EXCEEDS_HARVEST("shipment-exceeds-harvest", "销售数量超过采收数量");

    private final String slug;
    private final String title;

    Rule(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
