package org.suyuan.db.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A base or plot (基地、地块) where an organization grows or raises its products. */
@Entity
@Table(name = "plot")
public class Plot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private String name;

    private String regionCode;

    private String address;

    private BigDecimal latitude;

    private BigDecimal longitude;

    private BigDecimal areaMu;

    @Column(updatable = false)
    private Instant createdAt;

    protected Plot() {}

    public Plot(
            Long organizationId,
            String name,
            String regionCode,
            String address,
            BigDecimal latitude,
            BigDecimal longitude,
            BigDecimal areaMu,
            Instant createdAt) {
        this.organizationId = organizationId;
        this.name = name;
        this.regionCode = regionCode;
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
        this.areaMu = areaMu;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public String getAddress() {
        return address;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public BigDecimal getAreaMu() {
        return areaMu;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
