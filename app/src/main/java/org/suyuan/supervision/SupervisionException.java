package org.suyuan.supervision;

import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** What supervision refuses, with what to do instead. */
final class SupervisionException extends ProblemException {

    private SupervisionException(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    /** A form that changes what cannot be changed back (a draw, a sampling, a result, a recall) came unconfirmed. */
    static SupervisionException notConfirmed(String what) {
        return new SupervisionException(
                HttpStatus.BAD_REQUEST, "not-confirmed", "请先确认", "请勾选确认框：" + what + "保存后不能修改或撤销。");
    }

    static SupervisionException samplingIncomplete() {
        return new SupervisionException(
                HttpStatus.BAD_REQUEST, "sampling-incomplete", "抽样单不完整", "请填写样品编号、抽样人员、抽样日期（例如 2026-11-26）、抽样地点和封样编号。");
    }

    static SupervisionException tooFewSamplers() {
        return new SupervisionException(
                HttpStatus.BAD_REQUEST, "too-few-samplers", "抽样人员不足", "抽样须由至少两名执法人员进行，请填写两位或以上抽样人员姓名。");
    }

    static SupervisionException taskNotAwaiting(String what) {
        return new SupervisionException(
                HttpStatus.CONFLICT, "spot-check-task-state", "抽检任务状态不符", "该抽检任务" + what + "，请刷新后查看。");
    }

    static SupervisionException recallReasonMissing() {
        return new SupervisionException(
                HttpStatus.BAD_REQUEST, "recall-reason-missing", "请填写召回原因", "召回须写明原因（例如：抽检不合格，毒死蜱超标），消费者和下游主体会看到它。");
    }

    static SupervisionException roundIncomplete() {
        return new SupervisionException(
                HttpStatus.BAD_REQUEST, "spot-check-round-incomplete", "抽检计划不完整", "请填写名称、抽样数量（1至500）和随机种子后再抽样。");
    }

    static SupervisionException noTestedItems() {
        return new SupervisionException(HttpStatus.BAD_REQUEST, "no-tested-items", "没有检测项目", "请至少填写一个检测项目及其结果。");
    }

    static SupervisionException noCandidates() {
        return new SupervisionException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "no-spot-check-candidates",
                "没有可抽检的批次",
                "辖区内目前没有可抽检的批次（已召回的批次不参与抽样）。");
    }
}
