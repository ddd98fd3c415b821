package org.suyuan.db.account;

/**
 * What a user is: a producer (of one organization), a regulator (of one jurisdiction), an inspection station (a
 * township 快检室 working for the bureau of one jurisdiction) or an administrator.
 */
public enum Role {
    PRODUCER,
    REGULATOR,
    ADMIN,
    STATION
}
