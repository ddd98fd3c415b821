package org.suyuan.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Fields that are missing or out of range; the problem lists each field with what to fix. */
public final class ValidationFailedException extends ProblemException {

    /** One field's complaint. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "填写内容有误",
                "请修改以下内容后重新提交：" + summary(errors),
                Map.of("errors", List.copyOf(errors)));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return String.join(
                "；", errors.stream().map(e -> e.field() + "：" + e.message()).toList());
    }
}
