package org.suyuan.account;

/**
 * Something done with an account, published for the audit log: sign-ins that failed or were throttled, passwords
 * changed, tokens issued and revoked, users created. Who did it is whoever is signed in when it is published (for a
 * sign-in, nobody yet: {@code username} names the account tried).
 *
 * @param action what happened
 * @param username the account it happened to
 * @param detail what else the audit log should say (a token's name, a new user's role and jurisdiction)
 */
public record AccountActivity(Action action, String username, String detail) {

    /** What happened to the account. */
    public enum Action {
        SIGN_IN_FAILED,
        SIGN_IN_THROTTLED,
        PASSWORD_CHANGED,
        TOKEN_ISSUED,
        TOKEN_REVOKED,
        USER_CREATED
    }

    static AccountActivity signInFailed(String username) {
        return new AccountActivity(Action.SIGN_IN_FAILED, username, "密码错误或用户不存在");
    }

    static AccountActivity signInThrottled(String username) {
        return new AccountActivity(Action.SIGN_IN_THROTTLED, username, "失败次数达到上限，暂停登录");
    }
}
