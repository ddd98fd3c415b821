package org.suyuan.account;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** A password the policy refuses (see {@link PasswordPolicy}); the problem names the field and says why. */
public final class WeakPasswordException extends ProblemException {

    private final String field;

    WeakPasswordException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "weak-password", "密码不够安全", reason, Map.of("field", field));
        this.field = field;
    }

    /** The form field or JSON member that held the password. */
    public String field() {
        return field;
    }
}
