package org.suyuan.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of an empty production database from {@code suyuan.bootstrap.admin-password}
 * (environment: {@code SUYUAN_BOOTSTRAP_ADMIN_PASSWORD}). There is no default password: without the setting, no
 * user is created.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountService accounts;
    private final String password;

    AdministratorBootstrap(AccountService accounts, @Value("${suyuan.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || accounts.anyUserExists()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("suyuan.bootstrap.admin-password must have at least 12 characters");
        }
        accounts.createAdministrator("admin", password, "系统管理员");
        log.info("Created the first administrator 'admin' from suyuan.bootstrap.admin-password.");
    }
}
