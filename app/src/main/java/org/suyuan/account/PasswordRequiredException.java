package org.suyuan.account;

import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** Something only a password sign-in may do, asked with a bearer token: issuing tokens. */
final class PasswordRequiredException extends ProblemException {

    private PasswordRequiredException(String detail) {
        super(HttpStatus.FORBIDDEN, "password-required", "需要用密码登录", detail);
    }

    static PasswordRequiredException toIssueTokens() {
        return new PasswordRequiredException("访问令牌不能用来签发新的访问令牌。请用用户名和密码（HTTP Basic）调用，或在网页“访问令牌”页签发。");
    }
}
