package org.suyuan.db.code;

/** What a code stands for: a whole batch (its trace code) or one item of it (一物一码). */
public enum CodeKind {
    BATCH("批次追溯码"),
    ITEM("单品码");

    private final String chineseName;

    CodeKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
