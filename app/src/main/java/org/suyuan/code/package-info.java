/**
 * Product identification codes (issue 3): every batch's trace code, per-item serials (一物一码) capped by the
 * harvest, QR images, label sheets, the 承诺达标合格证, public resolution of {@code /t/{code}} and GS1 Digital
 * Link paths, and decoding of photographed labels.
 *
 * <p>{@link org.suyuan.code.CodeService} is the API other features use; controllers, listeners and helpers are
 * package-private. The code scheme, rendering and decoding live in the {@code qr-service} module
 * ({@code org.suyuan.qr}); this package decides who may issue, print and see what, and keeps the codes in the
 * database ({@code org.suyuan.db.code}).
 */
package org.suyuan.code;
