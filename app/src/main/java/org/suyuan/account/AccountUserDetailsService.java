package org.suyuan.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.db.account.UserAccountRepository;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(SuyuanUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }
}
