package org.suyuan;

import org.suyuan.account.AccountService;
import org.suyuan.db.account.UserAccountRepository;

/**
 * The administrator the journey tests share: test classes with the same configuration share one application
 * context and one in-memory database, so they must agree on its password.
 */
public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "journey-password";

    private TestAccounts() {}

    /** The administrator, created on first use; a client signed in as it. */
    public static ApiClient administrator(int port, AccountService accounts, UserAccountRepository users) {
        synchronized (TestAccounts.class) {
            if (!users.existsByUsername(ADMIN)) {
                accounts.createAdministrator(ADMIN, ADMIN_PASSWORD, "管理员");
            }
        }
        return ApiClient.anonymous(port).as(ADMIN, ADMIN_PASSWORD);
    }
}
