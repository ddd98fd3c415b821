package org.suyuan.supervision;

import org.springframework.security.access.AccessDeniedException;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.Regions;

/**
 * The region a regulator answers for (GB/T 2260): a city user covers its districts and counties, a district
 * user only its own. Every supervision query is filtered through it, not just the pages.
 */
public record Jurisdiction(String code) {

    /** Administrators act for the whole province the service is set up for. */
    private static final String ADMINISTRATOR_SCOPE = "340000";

    public static Jurisdiction of(CurrentUser user) {
        if (user.isRegulator() && user.jurisdictionCode() != null) {
            return new Jurisdiction(user.jurisdictionCode());
        }
        if (user.isAdministrator()) {
            return new Jurisdiction(ADMINISTRATOR_SCOPE);
        }
        throw new AccessDeniedException("只有监管部门的用户可以使用监管功能。");
    }

    /** The code prefix of every region inside this jurisdiction, for SQL {@code LIKE prefix%}. */
    public String prefix() {
        return Regions.prefixOf(code);
    }

    public boolean contains(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix());
    }
}
