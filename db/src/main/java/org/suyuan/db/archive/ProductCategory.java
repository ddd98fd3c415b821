package org.suyuan.db.archive;

/** Product categories as the 合格证 rules and the pesticide restrictions name them. */
public enum ProductCategory {
    VEGETABLE("蔬菜"),
    FRUIT("水果"),
    TEA("茶叶"),
    GRAIN_AND_OIL("粮油"),
    LIVESTOCK_AND_POULTRY("畜禽"),
    EGGS("禽蛋"),
    AQUATIC("水产"),
    EDIBLE_FUNGI("食用菌"),
    OTHER("其他");

    private final String chineseName;

    ProductCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
