package org.suyuan.db.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A product an organization grows: category, variety and, for retail, a GTIN. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private String name;

    @Enumerated(EnumType.STRING)
    private ProductCategory category;

    private String variety;

    private String gtin;

    @Column(updatable = false)
    private Instant createdAt;

    protected Product() {}

    public Product(
            Long organizationId,
            String name,
            ProductCategory category,
            String variety,
            String gtin,
            Instant createdAt) {
        this.organizationId = organizationId;
        this.name = name;
        this.category = category;
        this.variety = variety;
        this.gtin = gtin;
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

    public ProductCategory getCategory() {
        return category;
    }

    public String getVariety() {
        return variety;
    }

    public String getGtin() {
        return gtin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
