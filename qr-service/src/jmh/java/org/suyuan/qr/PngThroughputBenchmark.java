package org.suyuan.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * QR PNGs per second: Suyuan's pipeline ({@link QrCode#encode} then {@link QrPng#render}) against
 * plain ZXing ({@code QRCodeWriter} at the requested size, then {@code MatrixToImageWriter}), same
 * URLs, same size, same error correction (M) and quiet zone (4 modules). ImageIO's disk cache is
 * switched off for both, as a server should run; Suyuan's writer never uses it anyway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PngThroughputBenchmark {

    private static final String BASE_URL = "https://suyuan.nongye.wuhu.gov.cn";

    /** Requested image size in pixels. */
    @Param({"200", "600"})
    public int size;

    private String[] urls;
    private Map<EncodeHintType, Object> zxingHints;
    private int next;

    @Setup
    public void setUp() throws Exception {
        ImageIO.setUseCache(false);
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(256);
        TraceCodeGenerator generator = new TraceCodeGenerator(random);
        urls = new String[256];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = QrContent.traceUrl(BASE_URL, generator.next()).text();
        }
        zxingHints = new EnumMap<>(EncodeHintType.class);
        zxingHints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        zxingHints.put(EncodeHintType.MARGIN, 4);
    }

    @Benchmark
    public byte[] suyuanPipeline() {
        return QrPng.render(QrCode.encode(QrContent.of(nextUrl()), ErrorCorrection.M), size);
    }

    @Benchmark
    public byte[] zxingMatrixToImageWriter() throws WriterException, IOException {
        BitMatrix matrix = new QRCodeWriter().encode(nextUrl(), BarcodeFormat.QR_CODE, size, size, zxingHints);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        return out.toByteArray();
    }

    private String nextUrl() {
        String url = urls[next];
        next = (next + 1) & (urls.length - 1);
        return url;
    }
}
