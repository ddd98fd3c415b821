package org.suyuan.problem;

import org.springframework.http.HttpStatus;

/**
 * Something does not exist, or does not exist for the caller: another organization's batch answers exactly as a
 * batch that was never created, so ids cannot be probed.
 */
public final class NotFoundException extends ProblemException {

    private NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", "未找到", "没有找到" + what + " " + id + "，请检查编号是否正确。");
    }

    public static NotFoundException organization(Object id) {
        return new NotFoundException("生产经营主体", id);
    }

    public static NotFoundException plot(Object id) {
        return new NotFoundException("基地/地块", id);
    }

    public static NotFoundException product(Object id) {
        return new NotFoundException("产品", id);
    }

    public static NotFoundException batch(Object id) {
        return new NotFoundException("批次", id);
    }

    public static NotFoundException event(Object id) {
        return new NotFoundException("档案记录", id);
    }

    public static NotFoundException attachment(Object id) {
        return new NotFoundException("附件", id);
    }

    public static NotFoundException receipt(Object id) {
        return new NotFoundException("待确认的收货", id);
    }

    public static NotFoundException integrityAudit(Object id) {
        return new NotFoundException("完整性审计报告", id);
    }

    public static NotFoundException spotCheck(Object id) {
        return new NotFoundException("抽检记录", id);
    }

    public static NotFoundException region(Object code) {
        return new NotFoundException("辖区内的行政区划", code);
    }

    public static NotFoundException exportFormat(Object format) {
        return new NotFoundException("导出格式（可用 csv 或 xlsx）", format);
    }

    public static NotFoundException importJob(Object id) {
        return new NotFoundException("导入任务", id);
    }

    public static NotFoundException user(Object id) {
        return new NotFoundException("用户", id);
    }

    public static NotFoundException token(Object id) {
        return new NotFoundException("访问令牌", id);
    }
}
