package org.suyuan.qr;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Time to print 1,000 per-item serials as one label PDF, everything included: encoding each code,
 * laying out the pages, embedding the font subset and writing the file. Target: 2 s on the 2-core
 * build machine for A4.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LabelPdfBenchmark {

    @Param({"a4-3x8", "thermal-50x30"})
    public String layout;

    private List<Label> labels;
    private LabelLayout labelLayout;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(1000);
        TraceCodeGenerator generator = new TraceCodeGenerator(random);
        labels = new ArrayList<>(1000);
        for (TraceCode code : generator.next(1000)) {
            labels.add(new Label(
                    PrintedCode.forTraceCode("https://suyuan.nongye.wuhu.gov.cn", code),
                    "寿光番茄（有机）",
                    "B2026-0117",
                    "芜湖市湾沚区六郎镇绿源蔬菜专业合作社",
                    LocalDate.of(2026, 2, 1)));
        }
        labelLayout = LabelLayout.named(layout);
    }

    @Benchmark
    public byte[] thousandLabels() {
        return LabelSheet.render(labels, labelLayout);
    }
}
