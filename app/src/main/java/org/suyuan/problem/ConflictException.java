package org.suyuan.problem;

import org.springframework.http.HttpStatus;

/** The request is well-formed but clashes with what is already stored. */
public final class ConflictException extends ProblemException {

    private ConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    public static ConflictException duplicateOrganization(String identifier) {
        return new ConflictException("duplicate-organization", "主体已存在", "证件号码 " + identifier + " 已登记过主体，请勿重复登记。");
    }

    public static ConflictException duplicateGln(String gln) {
        return new ConflictException("duplicate-gln", "全球位置码已被使用", "全球位置码（GLN）" + gln + " 已属于另一主体；一个 GLN 只标识一个主体。");
    }

    public static ConflictException duplicatePlot(String name) {
        return new ConflictException("duplicate-plot", "地块名称重复", "已有名为“" + name + "”的地块，请换一个名称。");
    }

    public static ConflictException duplicateProduct(String name, String variety) {
        return new ConflictException("duplicate-product", "产品重复", "已有产品“" + name + "（" + variety + "）”，可直接使用。");
    }

    public static ConflictException duplicateBatchNumber(String batchNumber) {
        return new ConflictException("duplicate-batch-number", "批次号重复", "批次号 " + batchNumber + " 已被本主体使用，请换一个批次号。");
    }

    public static ConflictException duplicateUsername(String username) {
        return new ConflictException("duplicate-username", "用户名已存在", "用户名 " + username + " 已被使用。");
    }

    public static ConflictException requestInProgress() {
        return new ConflictException("request-in-progress", "请求正在处理", "使用同一 Idempotency-Key 的上一次请求还在处理中，请稍后重试。");
    }

    public static ConflictException concurrentChange() {
        return new ConflictException("concurrent-change", "数据已被他人修改", "数据刚被其他人修改，请刷新后重试。");
    }
}
