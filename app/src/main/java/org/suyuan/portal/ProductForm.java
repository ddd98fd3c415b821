package org.suyuan.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.ProductCategory;

/** A new product, as typed; the GTIN (商品条码) is optional and checked by the registry. */
public class ProductForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String name;

    @NotNull(message = "{form.choose}")
    private ProductCategory category;

    @NotBlank(message = "{form.required}")
    @Size(max = 100, message = "{form.tooLong}")
    private String variety;

    @Pattern(regexp = "|[0-9 ]{8,17}", message = "{form.gtin}")
    private String gtin;

    /** How much one labelled item holds (e.g. 0.5 千克 per bag); caps the serials. Optional. */
    @Pattern(regexp = "|[0-9]{1,9}(\\.[0-9]{1,3})?", message = "{form.itemSize}")
    private String itemSizeAmount;

    private QuantityUnit itemSizeUnit;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ProductCategory getCategory() {
        return category;
    }

    public void setCategory(ProductCategory category) {
        this.category = category;
    }

    public String getVariety() {
        return variety;
    }

    public void setVariety(String variety) {
        this.variety = variety;
    }

    public String getGtin() {
        return gtin;
    }

    public void setGtin(String gtin) {
        this.gtin = gtin;
    }

    public String getItemSizeAmount() {
        return itemSizeAmount;
    }

    public void setItemSizeAmount(String itemSizeAmount) {
        this.itemSizeAmount = itemSizeAmount;
    }

    public QuantityUnit getItemSizeUnit() {
        return itemSizeUnit;
    }

    public void setItemSizeUnit(QuantityUnit itemSizeUnit) {
        this.itemSizeUnit = itemSizeUnit;
    }
}
