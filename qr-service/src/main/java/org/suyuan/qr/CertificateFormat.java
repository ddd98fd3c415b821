package org.suyuan.qr;

/** Paper a 承诺达标合格证 is printed on. */
public enum CertificateFormat {
    /** An A5 sheet (148 × 210 mm), for a batch sold in bulk (一批一证, 一车一证) or filed on paper. */
    A5,
    /**
     * A 70 × 50 mm label for a 203-dpi thermal printer, stuck on each package or crate; measured in
     * whole printer dots like the thermal product labels.
     */
    LABEL_70X50
}
