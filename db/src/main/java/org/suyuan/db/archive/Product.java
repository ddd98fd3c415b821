package org.suyuan.db.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
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

    /** How much of the harvest one item holds (with {@link #itemSizeUnit}); null for one item per unit. */
    private BigDecimal itemSizeAmount;

    private String itemSizeUnit;

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

    /** A product whose items each hold {@code itemSizeAmount} {@code itemSizeUnit} (e.g. 0.5 KG per bag). */
    public Product(
            Long organizationId,
            String name,
            ProductCategory category,
            String variety,
            String gtin,
            BigDecimal itemSizeAmount,
            String itemSizeUnit,
            Instant createdAt) {
        this(organizationId, name, category, variety, gtin, createdAt);
        if ((itemSizeAmount == null) != (itemSizeUnit == null)) {
            throw new IllegalArgumentException("An item size needs both an amount and a unit");
        }
        this.itemSizeAmount = itemSizeAmount;
        this.itemSizeUnit = itemSizeUnit;
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

    public BigDecimal getItemSizeAmount() {
        return itemSizeAmount;
    }

    public String getItemSizeUnit() {
        return itemSizeUnit;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
