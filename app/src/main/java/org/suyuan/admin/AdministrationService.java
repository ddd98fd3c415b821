package org.suyuan.admin;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.account.AccountService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.archive.Organization;

/** Registers an organization together with its first user: both, or neither when either is refused. */
@Service
class AdministrationService {

    private final OrganizationService registry;
    private final AccountService accounts;

    AdministrationService(OrganizationService registry, AccountService accounts) {
        this.registry = registry;
        this.accounts = accounts;
    }

    /** A first user of the organization; absent when only the organization is registered now. */
    record FirstUser(String username, String displayName, String password) {}

    @Transactional
    Organization register(OrganizationService.NewOrganization organization, FirstUser user) {
        Organization registered = registry.register(organization);
        if (user != null) {
            accounts.createProducer(user.username(), user.password(), user.displayName(), registered.getId());
        }
        return registered;
    }
}
