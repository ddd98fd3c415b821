package org.suyuan.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrDecoderTests {

    private final QrDecoder decoder = new QrDecoder();
    private final QrContent content = QrFixtures.traceUrl();

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void readsTheCommonImageFormats(String format) throws IOException {
        BufferedImage image = toRgb(QrPng.image(QrCode.encode(content), 6));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        assertThat(decoder.decode(out.toByteArray())).isEqualTo(content.text());
    }

    @Test
    void readsACodePrintedLightOnDark() {
        BufferedImage image = toRgb(QrPng.image(QrCode.encode(content), 6));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, ~image.getRGB(x, y) | 0xFF000000);
            }
        }
        assertThat(decoder.decode(TestImages.png(image))).isEqualTo(content.text());
    }

    @Test
    void readsASmallCodeInALargePhoto() {
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = photo.createGraphics();
        graphics.setColor(new Color(0x8a7f70));
        graphics.fillRect(0, 0, 4000, 3000);
        graphics.drawImage(QrPng.image(QrCode.encode(content), 12), 2100, 1300, null);
        graphics.dispose();
        assertThat(decoder.decode(TestImages.jpeg(photo, 0.85f))).isEqualTo(content.text());
    }

    @Test
    void readsAPngWithATransparentBackground() {
        BufferedImage source = QrPng.image(QrCode.encode(content), 6);
        BufferedImage image = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean dark = (source.getRGB(x, y) & 0xFFFFFF) == 0;
                image.setRGB(x, y, dark ? 0xFF000000 : 0x00000000);
            }
        }
        assertThat(decoder.decode(TestImages.png(image))).isEqualTo(content.text());
    }

    @Test
    void refusesBytesThatAreNotAnImage() {
        for (byte[] bytes : new byte[][] {
            "https://suyuan.example/t/0ABC".getBytes(StandardCharsets.UTF_8),
            "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
            randomBytes(4096)
        }) {
            assertThatThrownBy(() -> decoder.decode(bytes)).isInstanceOf(UnreadableImageException.class);
        }
    }

    @Test
    void refusesNoBytes() {
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining("No image");
        assertThatThrownBy(() -> decoder.decode(null)).isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void refusesATruncatedImage() {
        byte[] png = TestImages.png(toRgb(QrPng.image(QrCode.encode(content), 6)));
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void refusesImagesOverThePixelLimit() {
        byte[] png = QrPng.render(QrCode.encode(content), 400);
        assertThatThrownBy(() -> new QrDecoder(100 * 100).decode(png))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("369 × 369")
                .hasMessageContaining("10,000 pixels");
    }

    @Test
    void refusesAHugeImageFromItsHeaderAloneWithoutInflatingIt() {
        // A valid PNG header announcing 100,000 × 100,000 pixels (10 gigapixels) and almost no data.
        byte[] bomb = pngHeader(100_000, 100_000);
        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("100000 × 100000");
    }

    @Test
    void saysSoWhenAnImageHoldsNoCode() {
        BufferedImage blank = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = blank.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 300, 200);
        graphics.setColor(Color.BLACK);
        graphics.drawString("寿光番茄 B2026-0117", 20, 100);
        graphics.dispose();
        assertThatThrownBy(() -> decoder.decode(TestImages.png(blank)))
                .isInstanceOf(NoQrCodeFoundException.class)
                .hasMessageContaining("300 × 200");
    }

    @Test
    void saysSoWhenTheCodeIsTooDamagedToRead() {
        BufferedImage image = toRgb(QrPng.image(QrCode.encode(content), 6));
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        // A third of the symbol torn away is beyond what level M recovers.
        graphics.fillRect(24, 24, image.getWidth() / 3, image.getHeight() - 48);
        graphics.dispose();
        assertThatThrownBy(() -> decoder.decode(TestImages.png(image))).isInstanceOf(NoQrCodeFoundException.class);
    }

    private static BufferedImage toRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return rgb;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** PNG signature and an IHDR chunk (8-bit greyscale), then an empty IDAT and IEND. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
