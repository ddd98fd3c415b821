package org.suyuan.code;

import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/**
 * A request about a code that clashes with what is stored: a disabled code, a recalled batch, an ambiguous link.
 */
public final class CodeConflictException extends ProblemException {

    private CodeConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    static CodeConflictException alreadyDisabled(String code) {
        return new CodeConflictException("code-already-disabled", "追溯码已停用", "追溯码 " + code + " 已经停用；停用不可撤销，也无需重复操作。");
    }

    /** Printing a disabled code would put a label into circulation that every scan reports as disabled. */
    static CodeConflictException disabledBatchCode(String code) {
        return new CodeConflictException(
                "code-disabled", "追溯码已停用", "本批次的追溯码 " + code + " 已停用，不能再打印带此码的标签或合格证。请改为打印单品码标签。");
    }

    /** New labels on recalled goods would put them back on sale looking genuine (see {@code BatchStatus}). */
    static CodeConflictException batchRecalled(String batchNumber) {
        return new CodeConflictException(
                "batch-recalled-no-labels",
                "批次已召回",
                "批次 " + batchNumber + " 已被召回，不能再发放单品码或打印标签，以免召回的产品贴上新标签重新销售。已发出的码仍然有效，消费者扫码会看到召回信息。");
    }

    static CodeConflictException ambiguousDigitalLink(String path) {
        return new CodeConflictException(
                "ambiguous-digital-link",
                "数字链接对应多个批次",
                "GS1 数字链接 " + path + " 对应多个生产经营主体的同号批次（同一商品条码被多个主体登记）。请扫描标签上的追溯码，或联系生产者。");
    }
}
