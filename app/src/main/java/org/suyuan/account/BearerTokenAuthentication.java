package org.suyuan.account;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by a bearer token rather than a password. Some things need the password (issuing tokens):
 * a token that leaked must not be able to mint its own successors.
 */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final SuyuanUserDetails user;

    BearerTokenAuthentication(SuyuanUserDetails user) {
        super(user.getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }
}
