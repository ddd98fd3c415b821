package org.suyuan.archive;

/** Published inside the transaction that registered an organization (生产经营主体). */
public record OrganizationRegistered(Long organizationId, String name, String regionCode) {}
