package org.suyuan.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * NY/T 4712-2025 records written as JSON or as a workbook, record by record as pages of batches arrive: the JSON
 * through a streaming generator, the workbook through POI's streaming SXSSF, which keeps a window of rows in
 * memory. The workbook has three sheets joined by 入库批次号: the records, their 来源 and their 去向; amounts are
 * numeric cells, dates ISO dates and times ISO with their +08:00 offset.
 */
@Component
class Nyt4712Files {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> RECORD_HEADER = List.of(
            "环节",
            "入库批次号",
            "出库批次号（追溯码）",
            "追溯网址",
            "生产经营者名称",
            "主体性质",
            "主体类型",
            "统一社会信用代码",
            "身份证号（脱敏）",
            "地址",
            "行政区划代码",
            "产品名称",
            "产品类别",
            "品种",
            "商品条码（GTIN）",
            "产地（基地）",
            "产地行政区划代码",
            "产地地址",
            "入库日期",
            "入库数量",
            "单位",
            "档案哈希");

    static final List<String> COUNTERPART_HEADER =
            List.of("入库批次号", "出库批次号（追溯码）", "主体名称", "主体代码", "批次号", "追溯码", "日期", "数量", "单位", "方式");

    private final JsonMapper json;
    private final Clock clock;
    private final SuyuanProperties properties;

    Nyt4712Files(JsonMapper json, Clock clock, SuyuanProperties properties) {
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    enum Format {
        JSON,
        XLSX
    }

    /** Receives records one by one; {@link #close()} finishes the file. */
    interface Sink extends AutoCloseable {
        void add(Nyt4712Records.Record record);

        @Override
        void close();
    }

    Sink open(Format format, OutputStream out) {
        return format == Format.JSON ? new JsonSink(out) : new XlsxSink(out);
    }

    private final class JsonSink implements Sink {

        private final JsonGenerator generator;

        JsonSink(OutputStream out) {
            generator = json.createGenerator(out);
            generator.writeStartObject();
            generator.writeName("standard");
            generator.writeString(Nyt4712Records.STANDARD);
            generator.writeName("generatedAt");
            generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    clock.instant().atZone(properties.timeZone()).toOffsetDateTime()));
            generator.writeName("records");
            generator.writeStartArray();
        }

        @Override
        public void add(Nyt4712Records.Record record) {
            generator.writePOJO(record);
            generator.flush();
        }

        @Override
        public void close() {
            generator.writeEndArray();
            generator.writeEndObject();
            generator.flush();
        }
    }

    private static final class XlsxSink implements Sink {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet records;
        private final Sheet sources;
        private final Sheet destinations;
        private final java.util.Map<String, Integer> rowsWritten = new java.util.HashMap<>();

        XlsxSink(OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            records = workbook.createSheet("入库出库记录");
            sources = workbook.createSheet("来源");
            destinations = workbook.createSheet("去向");
            header(records, RECORD_HEADER);
            header(sources, COUNTERPART_HEADER);
            header(destinations, COUNTERPART_HEADER);
        }

        @Override
        public void add(Nyt4712Records.Record record) {
            Nyt4712Records.Movement total = record.inboundTotal();
            Row row = next(records);
            int column = 0;
            column = text(row, column, record.stage().name());
            column = text(row, column, record.inboundBatchNumber());
            column = text(row, column, record.outboundTraceCode());
            column = text(row, column, record.traceUrl());
            column = text(row, column, record.operator().name());
            column = text(row, column, record.operator().kind());
            column = text(row, column, record.operator().organizationType());
            column = text(row, column, record.operator().creditCode());
            column = text(row, column, record.operator().idCardNumber());
            column = text(row, column, record.operator().address());
            column = text(row, column, record.operator().regionCode());
            column = text(row, column, record.product().name());
            column = text(row, column, record.product().category());
            column = text(row, column, record.product().variety());
            column = text(row, column, record.product().gtin());
            column = text(row, column, record.origin().baseName());
            column = text(row, column, record.origin().regionCode());
            column = text(row, column, record.origin().address());
            column = text(row, column, total == null ? null : total.date());
            column = number(row, column, total == null ? null : total.quantity());
            column = text(row, column, total == null ? null : total.unit());
            text(row, column, record.archiveHash());
            record.sources().forEach(source -> counterpart(sources, record, source));
            record.destinations().forEach(destination -> counterpart(destinations, record, destination));
        }

        private void counterpart(Sheet sheet, Nyt4712Records.Record record, Nyt4712Records.Counterpart counterpart) {
            Row row = next(sheet);
            int column = 0;
            column = text(row, column, record.inboundBatchNumber());
            column = text(row, column, record.outboundTraceCode());
            column = text(row, column, counterpart.organizationName());
            column = text(row, column, counterpart.organizationCode());
            column = text(row, column, counterpart.batchNumber());
            column = text(row, column, counterpart.traceCode());
            column = text(row, column, counterpart.date());
            column = number(row, column, counterpart.quantity());
            column = text(row, column, counterpart.unit());
            text(row, column, counterpart.via());
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    workbook.close();
                } catch (IOException e) {
                    // The temporary files are gone with the JVM at the latest; the export itself is complete.
                }
            }
        }

        private void header(Sheet sheet, List<String> names) {
            Row row = next(sheet);
            for (int i = 0; i < names.size(); i++) {
                row.createCell(i).setCellValue(names.get(i));
            }
        }

        private Row next(Sheet sheet) {
            // Counted here: SXSSF has flushed older rows to disk, so the sheet cannot be asked.
            return sheet.createRow(rowsWritten.merge(sheet.getSheetName(), 1, Integer::sum) - 1);
        }

        private static int text(Row row, int column, String value) {
            Cell cell = row.createCell(column);
            if (value != null) {
                // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
                cell.setCellValue(!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value);
            }
            return column + 1;
        }

        private static int number(Row row, int column, BigDecimal value) {
            Cell cell = row.createCell(column);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
            return column + 1;
        }
    }
}
