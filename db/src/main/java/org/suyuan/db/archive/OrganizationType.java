package org.suyuan.db.archive;

/** The kinds of 生产经营主体 the law and the national platform distinguish. */
public enum OrganizationType {
    /** 企业 */
    ENTERPRISE("企业"),
    /** 合作社 */
    COOPERATIVE("合作社"),
    /** 家庭农场 */
    FAMILY_FARM("家庭农场"),
    /** 个人 (an individual grower, identified by an ID-card number instead of a credit code) */
    INDIVIDUAL("个人");

    private final String chineseName;

    OrganizationType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
