package org.suyuan.db.code;

/** Whether a code still vouches for its product. Disabling is final: a code is never reused or revived. */
public enum CodeStatus {
    ACTIVE("有效"),
    /** Labels lost or stolen: scans of this code are shown as coming from a disabled label. */
    DISABLED("已停用");

    private final String chineseName;

    CodeStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
