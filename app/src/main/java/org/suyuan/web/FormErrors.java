package org.suyuan.web;

import java.util.function.UnaryOperator;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;
import org.suyuan.problem.ProblemException;
import org.suyuan.problem.ValidationFailedException;

/**
 * Puts a service's refusal on the form that caused it, so the page shows it next to the field the user must fix
 * and keeps everything the user typed.
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * Adds the problem to the form: each field a service names goes next to the matching form field, anything
     * else at the top of the form.
     *
     * @param formField turns a field name as the service reports it ({@code details.quantity.amount}) into the
     *     form's property path, or null when the form has no such field
     */
    public static void reject(BindingResult form, ProblemException problem, UnaryOperator<String> formField) {
        if (problem instanceof ValidationFailedException validation) {
            for (ValidationFailedException.FieldError error : validation.errors()) {
                String path = formField.apply(error.field());
                if (!rejectField(form, path, error.message())) {
                    form.reject("problem", error.field() + "：" + error.message());
                }
            }
            return;
        }
        Object field = problem.properties().get("field");
        String path = field == null ? null : formField.apply(field.toString());
        if (!rejectField(form, path, problem.detail())) {
            form.reject("problem", problem.detail());
        }
    }

    /**
     * Adds a message next to a form field.
     *
     * @return false when the form has no such field (nothing was added)
     */
    public static boolean rejectField(BindingResult form, String path, String message) {
        if (path == null) {
            return false;
        }
        try {
            form.rejectValue(path, "problem", message);
            return true;
        } catch (NotReadablePropertyException | IllegalArgumentException noSuchField) {
            return false;
        }
    }
}
