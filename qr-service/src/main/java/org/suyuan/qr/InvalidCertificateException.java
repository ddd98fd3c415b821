package org.suyuan.qr;

/** A 承诺达标合格证 that lacks a required item or carries one that cannot be printed. */
public final class InvalidCertificateException extends IllegalArgumentException {

    private InvalidCertificateException(String message) {
        super(message);
    }

    public static InvalidCertificateException missing(String field) {
        return new InvalidCertificateException("A 承诺达标合格证 must state " + field);
    }

    public static InvalidCertificateException tooLong(String field, int maxLength) {
        return new InvalidCertificateException(
                "The certificate's " + field + " is longer than " + maxLength + " characters");
    }

    public static InvalidCertificateException noBasis() {
        return new InvalidCertificateException("A 承诺达标合格证 must name at least one basis: 质量安全控制符合要求, 自行检测合格 or 委托检测合格");
    }
}
