package org.suyuan.archive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.suyuan.problem.ProblemException;

/**
 * A bulk request was refused because one of its events was: the problem is that event's own (same type, status
 * and detail), with {@code index} naming its position in the request, so the sender can fix that one and resend.
 */
public final class BulkEventRejectedException extends ProblemException {

    BulkEventRejectedException(int index, ProblemException cause) {
        super(
                cause.status(),
                cause.slug(),
                cause.title(),
                "第 " + (index + 1) + " 条记录：" + cause.detail() + "（整批均未保存，请修改这一条后重新提交。）",
                withIndex(index, cause.properties()));
        initCause(cause);
    }

    private static Map<String, Object> withIndex(int index, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("index", index);
        return all;
    }
}
