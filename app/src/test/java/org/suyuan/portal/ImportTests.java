package org.suyuan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.web.PageClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing production records from files over real HTTP, as the co-op office does it: every row is judged by the
 * archive's rules, a file is recorded whole or not at all, and large files import.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportTests {

    private static final String HEADER = "批次号,记录类型,日期,方式,水源,数量,单位,农药名称,登记证号,有效成分,用量,用量单位,安全间隔期（天）,备注";

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService registry;

    @Autowired
    AccountService accounts;

    @Autowired
    BatchService batches;

    @Autowired
    JsonMapper json;

    @Test
    void aFileWithOneBadRowIsRejectedWholeAndTheRowIsNamed() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "IMP-BAD", PortalFixtures.TODAY.minusDays(30));
        LocalDate sprayed = PortalFixtures.TODAY.minusDays(10);
        String csv = HEADER + "\r\n"
                + "IMP-BAD,灌溉," + PortalFixtures.TODAY.minusDays(20) + ",滴灌,井水,,,,,,,,,\r\n"
                + "IMP-BAD,施药," + sprayed + ",喷雾,,,,10%苯醚甲环唑水分散粒剂,PD20070155,苯醚甲环唑,60,克/亩,7,\r\n"
                + "IMP-BAD,采收," + PortalFixtures.TODAY.minusDays(5) + ",,,800,千克,,,,,,,提前采收\r\n"
                + "IMP-BAD,灌溉," + PortalFixtures.TODAY.minusDays(1) + ",滴灌,井水,,,,,,,,,\r\n";
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String report = importFile(page, "records.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report).contains("data-state=\"REJECTED\"").contains("共发现 1 处问题");
        assertThat(report).contains("第 4 行").contains("安全间隔期为 7 天");
        assertThat(batches.history(producer.organizationId(), batch.getId()))
                .extracting(entry -> entry.type())
                .containsExactly(EventType.CREATED);
    }

    @Test
    void aGoodFileOfFiveThousandRowsImports() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        int batchCount = 100;
        int rowsPerBatch = 50;
        LocalDate start = PortalFixtures.TODAY.minusDays(200);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int b = 0; b < batchCount; b++) {
            String number = "BULK-" + b;
            PortalFixtures.batch(batches, producer, number, start);
            for (int r = 0; r < rowsPerBatch; r++) {
                LocalDate day = start.plusDays(1 + r * 3L);
                csv.append(number)
                        .append(",灌溉,")
                        .append(day)
                        .append(",滴灌,井水,,,,,,,,,第")
                        .append(r + 1)
                        .append("次\r\n");
            }
        }
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String report = importFile(page, "season.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(report).contains("data-state=\"IMPORTED\"").contains("5000 条记录已全部保存");
        Batch last = batches.batchByNumber(producer.organizationId(), "BULK-" + (batchCount - 1))
                .orElseThrow();
        assertThat(batches.history(producer.organizationId(), last.getId())).hasSize(rowsPerBatch + 1);
    }

    @Test
    void anXlsxFileImportsWithDatesAndNumbersAsExcelStoresThem() throws IOException {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "XLSX-1", PortalFixtures.TODAY.minusDays(30));
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("记录");
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i] + (i < 3 ? "*" : ""));
            }
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            Row planting = sheet.createRow(1);
            planting.createCell(0).setCellValue("XLSX-1");
            planting.createCell(1).setCellValue("灌溉");
            var date = planting.createCell(2);
            date.setCellValue(PortalFixtures.TODAY.minusDays(3));
            date.setCellStyle(dateStyle);
            planting.createCell(3).setCellValue("喷灌");
            Row harvest = sheet.createRow(2);
            harvest.createCell(0).setCellValue("XLSX-1");
            harvest.createCell(1).setCellValue("采收");
            harvest.createCell(2).setCellValue(PortalFixtures.TODAY.minusDays(1).toString());
            harvest.createCell(5).setCellValue(1250.5);
            harvest.createCell(6).setCellValue("斤");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String report = importFile(page, "records.xlsx", xlsx);

        assertThat(report).contains("data-state=\"IMPORTED\"");
        var history = batches.history(producer.organizationId(), batch.getId());
        assertThat(history)
                .extracting(entry -> entry.type())
                .containsExactly(EventType.CREATED, EventType.IRRIGATION, EventType.HARVEST);
        assertThat(history.get(1).occurredOn()).isEqualTo(PortalFixtures.TODAY.minusDays(3));
        assertThat(json.valueToTree(history.get(2).details())
                        .path("quantity")
                        .path("amount")
                        .asString())
                .isEqualTo("1250.5");
    }

    @Test
    void aCsvSavedByChineseExcelInGbkImports() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "GBK-1", PortalFixtures.TODAY.minusDays(30));
        String csv = "批次号,记录类型,日期,方式,水源\r\nGBK-1,灌溉,"
                + PortalFixtures.TODAY.minusDays(2).toString().replace('-', '/') + ",漫灌,水库\r\n";
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String report = importFile(page, "gbk.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(report).contains("data-state=\"IMPORTED\"");
        assertThat(json.valueToTree(batches.history(producer.organizationId(), batch.getId())
                                .get(1)
                                .details())
                        .path("waterSource")
                        .asString())
                .isEqualTo("水库");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAtUpload() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/imports").body();

        PageClient.Response refused = page.postFile(
                "/portal/imports",
                Map.of("idempotencyKey", PageClient.formToken(form).orElseThrow()),
                "file",
                "notes.csv",
                "名字,电话\r\n张三,139\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"upload-error\"").contains("批次号");
    }

    @Test
    void theTemplatesDownloadWithEveryColumn() throws IOException {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        PageClient.Response csv = page.get("/portal/imports/template.csv");
        PageClient.Response xlsx = page.get("/portal/imports/template.xlsx");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF批次号,记录类型,日期,").contains("安全间隔期（天）");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
            List<String> headers = new ArrayList<>();
            workbook.getSheet("记录").getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).startsWith("批次号*", "记录类型*", "日期*").contains("农药名称", "登记证号");
            assertThat(workbook.getSheet("说明")).isNotNull();
        }
    }

    /** Uploads a file, follows the redirect to the job page and waits until the import has finished. */
    private static String importFile(PageClient page, String filename, byte[] content) {
        String form = page.get("/portal/imports").body();
        PageClient.Response upload = page.postFile(
                "/portal/imports",
                Map.of("idempotencyKey", PageClient.formToken(form).orElseThrow()),
                "file",
                filename,
                content);
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);
        String jobPath = java.net.URI.create(upload.location()).getPath();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            String body = page.get(jobPath).body();
            if (!body.contains("http-equiv=\"refresh\"")) {
                return body;
            }
            assertThat(System.nanoTime()).as("import finished in time").isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
