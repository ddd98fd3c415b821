package org.suyuan.qr;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The content of a 承诺达标合格证 (农产品质量安全承诺达标合格证, 农业农村部令2025年第4号, in force
 * from 2026-02-01): the items the rule requires, the basis of the promise, and the code that leads to
 * the batch's trace record (the rule allows the certificate's QR code to be merged with the trace
 * code, as Anhui's 证码合一 does).
 *
 * <p>Only content is checked here. Whether the batch may have a certificate at all (no banned
 * pesticide, harvest outside the safety interval) is the app's decision, made before this is built.
 *
 * @param code the QR content (the batch's trace URL) and its human-readable code
 * @param productName 产品名称
 * @param quantity 数量（重量）, with its unit as it should be printed, e.g. {@code 500 公斤} or {@code 20 箱}
 * @param origin 产地
 * @param issuedOn 开具日期
 * @param issuer 承诺主体, the producer or buyer who makes the promise
 * @param contact 联系方式, usually a telephone number
 * @param basis one or more bases of the promise
 */
public record Certificate(
        PrintedCode code,
        String productName,
        String quantity,
        String origin,
        LocalDate issuedOn,
        String issuer,
        String contact,
        Set<CertificateBasis> basis) {

    /**
     * The promise printed on every certificate issued by a producer, worded as issue 3 of this project
     * states it. Article 2 of the rule writes the same promise with enumeration commas (禁用农药、兽药);
     * check the rule's certificate template before changing either.
     */
    public static final String COMMITMENT = "未使用禁用农药兽药及其他化合物；使用的常规农药兽药残留不超标";

    /** The title the rule requires in a prominent position. */
    public static final String TITLE = "承诺达标合格证";

    static final int MAX_PRODUCT_NAME = 50;
    static final int MAX_QUANTITY = 30;
    static final int MAX_ORIGIN = 100;
    static final int MAX_ISSUER = 100;
    static final int MAX_CONTACT = 50;

    /** Rejects a missing or overlong item, and an empty basis. */
    public Certificate {
        if (code == null) {
            throw InvalidCertificateException.missing("a code");
        }
        productName = requireText(productName, "产品名称 (product name)", MAX_PRODUCT_NAME);
        quantity = requireText(quantity, "数量（重量） (quantity)", MAX_QUANTITY);
        origin = requireText(origin, "产地 (origin)", MAX_ORIGIN);
        if (issuedOn == null) {
            throw InvalidCertificateException.missing("开具日期 (issue date)");
        }
        issuer = requireText(issuer, "承诺主体 (issuer)", MAX_ISSUER);
        contact = requireText(contact, "联系方式 (contact)", MAX_CONTACT);
        basis = requireBasis(basis);
    }

    private static Set<CertificateBasis> requireBasis(Set<CertificateBasis> basis) {
        if (basis == null || basis.isEmpty()) {
            throw InvalidCertificateException.noBasis();
        }
        EnumSet<CertificateBasis> copy = EnumSet.noneOf(CertificateBasis.class);
        for (CertificateBasis item : basis) {
            if (item == null) {
                throw InvalidCertificateException.noBasis();
            }
            copy.add(item);
        }
        return Collections.unmodifiableSet(copy);
    }

    private static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw InvalidCertificateException.missing(field);
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw InvalidCertificateException.tooLong(field, maxLength);
        }
        return stripped;
    }
}
