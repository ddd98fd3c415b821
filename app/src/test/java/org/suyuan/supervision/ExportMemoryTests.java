package org.suyuan.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.suyuan.TestClock;
import org.suyuan.archive.Regions;
import org.suyuan.benchmark.SupplyGraphGenerator;
import org.suyuan.db.TestDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * A million events export in a JVM with a 256 MB heap: the rows stream from the database cursor to the output and
 * nothing accumulates. Runs in its own surefire execution ({@code bounded-heap} in app/pom.xml) with
 * {@code -Xmx256m}; on MySQL when {@code SUYUAN_TEST_MYSQL_URL} is set, else on an H2 file database.
 */
class ExportMemoryTests {

    private static final long EVENTS = 1_000_000;

    @Test
    void exportsAMillionEventsWithinABoundedHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test only means something with a small heap")
                .isLessThanOrEqualTo(300L * 1024 * 1024);
        DataSource database = database();
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        SupplyGraphGenerator.Generated generated = SupplyGraphGenerator.generate(database, EVENTS, 42);
        EventExport export = new EventExport(
                database,
                JsonMapper.builder().build(),
                new Regions(),
                new org.suyuan.SuyuanProperties(java.net.URI.create("http://localhost:8080"), TestClock.ZONE));
        CountingStream out = new CountingStream();

        long started = System.nanoTime();
        long rows = export.write(new EventExport.Selection("34", null, null, null, null), EventExport.Format.CSV, out);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(rows).isEqualTo(generated.events()).isGreaterThanOrEqualTo(EVENTS);
        assertThat(out.lines).isEqualTo(rows + 1);
        System.out.printf(
                "[export] %,d rows, %,d bytes in %.1f s: %,.0f rows/s, max heap %d MB%n",
                rows, out.bytes, seconds, rows / seconds, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    private static DataSource database() throws Exception {
        if (System.getenv(TestDatabases.MYSQL_URL_VARIABLE) != null) {
            String url = TestDatabases.freshMySql("suyuan_export_memory");
            // Multi-row inserts: the generator's million rows load in seconds instead of minutes.
            return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true");
        }
        Path directory = Path.of("target", "export-memory");
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        return new DriverManagerDataSource(
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("db")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;CACHE_SIZE=16384");
    }

    /** Counts what an export writes, keeping none of it. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
