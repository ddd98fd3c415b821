package org.suyuan.account;

import org.springframework.security.access.AccessDeniedException;
import org.suyuan.db.account.Role;

/**
 * The signed-in user as features see it. A controller method parameter of this type receives it.
 *
 * @param organizationId the producer's organization; null for regulators and administrators
 * @param jurisdictionCode the region code of a regulator, or of the bureau an inspection station reports to; null
 *     for everyone else
 */
public record CurrentUser(
        Long id, String username, String displayName, Role role, Long organizationId, String jurisdictionCode) {

    /** The organization whose data this producer may see and change; refuses anyone who is not a producer. */
    public Long requireOrganization() {
        if (role != Role.PRODUCER || organizationId == null) {
            throw new AccessDeniedException("只有生产经营主体的用户可以操作生产档案。");
        }
        return organizationId;
    }

    public boolean isAdministrator() {
        return role == Role.ADMIN;
    }

    public boolean isRegulator() {
        return role == Role.REGULATOR;
    }

    /** A township inspection station (快检室): records rapid tests, for the bureau of its jurisdiction. */
    public boolean isStation() {
        return role == Role.STATION;
    }
}
