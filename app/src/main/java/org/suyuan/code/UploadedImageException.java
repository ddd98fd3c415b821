package org.suyuan.code;

import org.springframework.http.HttpStatus;
import org.suyuan.problem.ProblemException;

/** A photo uploaded for decoding that cannot be decoded: not an image, too large, or no QR code in it. */
public final class UploadedImageException extends ProblemException {

    private UploadedImageException(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
    }

    static UploadedImageException unreadable() {
        return new UploadedImageException(
                HttpStatus.BAD_REQUEST,
                "unreadable-image",
                "无法读取图片",
                "上传的文件不是可识别的图片（支持 PNG、JPEG、GIF、BMP），或者图片已损坏。请重新拍照上传。");
    }

    static UploadedImageException tooLarge(String limit) {
        return new UploadedImageException(
                HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "图片太大", "图片超过上限（" + limit + "）。请压缩后或拍摄较小的照片后重试。");
    }

    static UploadedImageException noQrCode() {
        return new UploadedImageException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "no-qr-code-found",
                "未识别到二维码",
                "图片中没有找到可识别的二维码。请靠近标签、保持平整、对准焦点后重新拍照。");
    }
}
