/**
 * Product identification codes and everything printed from them: trace codes and per-item serials,
 * GTINs and GS1 Digital Link paths, QR symbols rendered as PNG, SVG and PDF (label sheets, thermal
 * labels and the 承诺达标合格证), and decoding of photographed labels.
 *
 * <p>Plain Java with no Spring and no web types, so the app, batch jobs and tools can use it alike.
 * Inputs are records that validate in their constructors; every refusal is a specific unchecked
 * exception with a static factory, which the app maps to an HTTP status. Everything here is
 * stateless and safe to call from many threads.
 *
 * <p>Entry points: {@link org.suyuan.qr.TraceCodeGenerator}, {@link org.suyuan.qr.TraceCode#parse},
 * {@link org.suyuan.qr.Gtin#parse}, {@link org.suyuan.qr.DigitalLink#parsePath},
 * {@link org.suyuan.qr.QrContent}, {@link org.suyuan.qr.QrCode#encode}, {@link org.suyuan.qr.QrPng},
 * {@link org.suyuan.qr.QrSvg}, {@link org.suyuan.qr.LabelSheet}, {@link org.suyuan.qr.CertificatePdf}
 * and {@link org.suyuan.qr.QrDecoder}.
 */
package org.suyuan.qr;
