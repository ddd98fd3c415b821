package org.suyuan.db.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in: producers belong to an organization, regulators to a jurisdiction (region code). */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long organizationId;

    private String jurisdictionCode;

    private boolean enabled;

    @Column(updatable = false)
    private Instant createdAt;

    protected UserAccount() {}

    public static UserAccount producer(
            String username, String passwordHash, String displayName, Long organizationId, Instant createdAt) {
        return new UserAccount(username, passwordHash, displayName, Role.PRODUCER, organizationId, null, createdAt);
    }

    public static UserAccount regulator(
            String username, String passwordHash, String displayName, String jurisdictionCode, Instant createdAt) {
        return new UserAccount(username, passwordHash, displayName, Role.REGULATOR, null, jurisdictionCode, createdAt);
    }

    /** A township rapid-test station (快检室); its jurisdiction is the bureau's it reports to. */
    public static UserAccount station(
            String username, String passwordHash, String stationName, String jurisdictionCode, Instant createdAt) {
        return new UserAccount(username, passwordHash, stationName, Role.STATION, null, jurisdictionCode, createdAt);
    }

    public static UserAccount administrator(
            String username, String passwordHash, String displayName, Instant createdAt) {
        return new UserAccount(username, passwordHash, displayName, Role.ADMIN, null, null, createdAt);
    }

    private UserAccount(
            String username,
            String passwordHash,
            String displayName,
            Role role,
            Long organizationId,
            String jurisdictionCode,
            Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.organizationId = organizationId;
        this.jurisdictionCode = jurisdictionCode;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public void changePasswordHash(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getJurisdictionCode() {
        return jurisdictionCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
