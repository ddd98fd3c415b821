package org.suyuan.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.suyuan.db.account.UserAccount;

/** The security principal: the current user plus the password hash Spring Security checks at login. */
final class SuyuanUserDetails implements UserDetails, CredentialsContainer {

    private final CurrentUser user;
    private final boolean enabled;
    private String passwordHash;

    SuyuanUserDetails(UserAccount account) {
        this.user = new CurrentUser(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                account.getRole(),
                account.getOrganizationId(),
                account.getJurisdictionCode());
        this.enabled = account.isEnabled();
        this.passwordHash = account.getPasswordHash();
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
