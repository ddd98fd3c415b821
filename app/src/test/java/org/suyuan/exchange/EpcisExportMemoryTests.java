package org.suyuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.benchmark.SupplyGraphGenerator;

/**
 * A jurisdiction's EPCIS export larger than the heap streams out of a JVM with a 256 MB heap: batches are read a
 * page at a time and every event is written as soon as it is mapped. Runs in the {@code bounded-heap} surefire
 * execution (app/pom.xml, {@code -Xmx256m}) on an H2 file database, whole application included.
 */
@SpringBootTest(
        properties = "spring.datasource.url=jdbc:h2:file:./target/epcis-memory/db-${random.uuid};MODE=MySQL;"
                + "DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;CACHE_SIZE=16384")
@ActiveProfiles("test")
class EpcisExportMemoryTests {

    private static final long EVENTS = 480_000;

    @Autowired
    DataSource database;

    @Autowired
    ExchangeService exchange;

    @Test
    void exportsMoreEventsThanTheHeapCouldHold() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(heap).as("this test only means something with a small heap").isLessThanOrEqualTo(300L << 20);
        SupplyGraphGenerator.Generated generated = SupplyGraphGenerator.generate(database, EVENTS, 7);
        CountingStream out = new CountingStream();

        long started = System.nanoTime();
        long events = exchange.writeEpcis(new ExchangeBatches.Scope("34", null), out);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(events).isGreaterThanOrEqualTo(generated.events());
        assertThat(out.bytes).as("the document is larger than the heap").isGreaterThan(heap);
        System.out.printf(
                "[epcis export] %,d events, %,d bytes in %.1f s: %,.0f events/s, max heap %d MB%n",
                events, out.bytes, seconds, events / seconds, heap >> 20);
    }

    /** Counts what the export writes, keeping none of it. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
