package org.suyuan.db.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A 生产经营主体: the company, cooperative, family farm or individual grower that keeps archives. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganizationType type;

    private String creditCode;

    private String idCardEncrypted;

    private String idCardMasked;

    private String idCardFingerprint;

    private String regionCode;

    private String address;

    private String contactName;

    private String contactPhone;

    /** GS1 Global Location Number, if the organization has one. */
    private String gln;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organization() {}

    /** A legal person identified by its 统一社会信用代码. */
    public static Organization withCreditCode(
            String name,
            OrganizationType type,
            String creditCode,
            String regionCode,
            String address,
            String contactName,
            String contactPhone,
            Instant createdAt) {
        Organization organization =
                new Organization(name, type, regionCode, address, contactName, contactPhone, createdAt);
        organization.creditCode = creditCode;
        return organization;
    }

    /** An individual grower identified by an ID-card number, which is only ever stored encrypted and masked. */
    public static Organization withIdCard(
            String name,
            String idCardEncrypted,
            String idCardMasked,
            String idCardFingerprint,
            String regionCode,
            String address,
            String contactName,
            String contactPhone,
            Instant createdAt) {
        Organization organization = new Organization(
                name, OrganizationType.INDIVIDUAL, regionCode, address, contactName, contactPhone, createdAt);
        organization.idCardEncrypted = idCardEncrypted;
        organization.idCardMasked = idCardMasked;
        organization.idCardFingerprint = idCardFingerprint;
        return organization;
    }

    private Organization(
            String name,
            OrganizationType type,
            String regionCode,
            String address,
            String contactName,
            String contactPhone,
            Instant createdAt) {
        this.name = name;
        this.type = type;
        this.regionCode = regionCode;
        this.address = address;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public OrganizationType getType() {
        return type;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getIdCardEncrypted() {
        return idCardEncrypted;
    }

    public String getIdCardMasked() {
        return idCardMasked;
    }

    public String getIdCardFingerprint() {
        return idCardFingerprint;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getAddress() {
        return address;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getGln() {
        return gln;
    }

    /** Records the organization's GLN (already validated), or removes it with null. */
    public void assignGln(String gln) {
        this.gln = gln;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
