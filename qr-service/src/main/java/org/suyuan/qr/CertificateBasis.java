package org.suyuan.qr;

/**
 * What a 承诺达标合格证's promise rests on (农业农村部令2025年第4号): one or more of these, printed
 * as tick boxes with all three shown.
 */
public enum CertificateBasis {
    /** 质量安全控制符合要求: the producer's own quality-safety controls were followed. */
    QUALITY_CONTROL("质量安全控制符合要求"),
    /** 自行检测合格: the producer's own test (e.g. a rapid test) passed. */
    SELF_TESTED("自行检测合格"),
    /** 委托检测合格: a test by a commissioned laboratory passed. */
    COMMISSIONED_TEST("委托检测合格");

    private final String text;

    CertificateBasis(String text) {
        this.text = text;
    }

    /** The wording printed on the certificate. */
    public String text() {
        return text;
    }
}
