package org.suyuan.supervision;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.archive.Regions;
import org.suyuan.db.archive.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports archive events, one row per event with its key data (who, what, where, when, quantity, lot, source,
 * destination), as CSV or XLSX. Rows stream from the database cursor to the response: a million rows need no
 * more memory than a thousand.
 *
 * <p>Inspectors open the files in Excel and read them, and programs parse them: times are ISO-8601 in 芜湖's zone
 * with the offset ({@code 2026-11-26T10:00:00+08:00}), units are words (千克, 箱), and in XLSX numbers and dates are
 * cells of their kind, so that the sheet sums and sorts.
 */
@Component
class EventExport {

    static final List<String> HEADER = List.of(
            "记录编号", "主体", "主体证件", "批次号", "产品", "品种", "基地/地块", "行政区划", "记录类型", "发生日期", "记录时间", "记录人", "数量", "单位", "来源",
            "去向", "摘要", "记录哈希");

    private static final String SELECT = """
            select e.id, o.name as organization, coalesce(o.credit_code, o.id_card_masked) as identifier,
                   b.batch_number, p.name as product, p.variety, pl.name as plot, pl.region_code,
                   e.type, e.occurred_on, e.recorded_at, e.recorded_by, e.details, e.event_hash
            from batch_event e
            join batch b on b.id = e.batch_id
            join organization o on o.id = b.organization_id
            join product p on p.id = b.product_id
            join plot pl on pl.id = b.plot_id
            """;

    private final JdbcTemplate streaming;
    private final JsonMapper json;
    private final Regions regions;
    private final ZoneId zone;

    EventExport(DataSource dataSource, JsonMapper json, Regions regions, SuyuanProperties properties) {
        this.streaming = new JdbcTemplate(dataSource);
        // MySQL Connector/J streams a result row by row only with this fetch size; H2 reads in pages anyway.
        this.streaming.setFetchSize(isMySql(dataSource) ? Integer.MIN_VALUE : 1000);
        this.json = json;
        this.regions = regions;
        this.zone = properties.timeZone();
    }

    /** Which events to export; every field narrows the selection, and the region always applies. */
    record Selection(String regionPrefix, Long organizationId, List<Long> batchIds, LocalDate from, LocalDate to) {}

    enum Format {
        CSV,
        XLSX
    }

    /** Writes the selected events and returns how many rows were written. */
    long write(Selection selection, Format format, OutputStream out) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where o.region_code like ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(selection.regionPrefix() + "%");
        if (selection.organizationId() != null) {
            sql.append(" and o.id = ?");
            parameters.add(selection.organizationId());
        }
        if (selection.batchIds() != null) {
            if (selection.batchIds().isEmpty()) {
                sql.append(" and 1 = 0");
            } else {
                StringJoiner marks = new StringJoiner(",", " and b.id in (", ")");
                selection.batchIds().forEach(id -> {
                    marks.add("?");
                    parameters.add(id);
                });
                sql.append(marks);
            }
        }
        if (selection.from() != null) {
            sql.append(" and e.occurred_on >= ?");
            parameters.add(selection.from());
        }
        if (selection.to() != null) {
            sql.append(" and e.occurred_on <= ?");
            parameters.add(selection.to());
        }
        sql.append(" order by e.id");
        RowSink sink = format == Format.CSV ? new CsvSink(out) : new XlsxSink(out);
        long[] rows = {0};
        try (sink) {
            sink.row(HEADER);
            streaming.query(
                    sql.toString(),
                    (RowCallbackHandler) rs -> {
                        sink.row(row(rs));
                        rows[0]++;
                    },
                    parameters.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0];
    }

    /**
     * One event's cells: text, except the record number and quantity (numbers) and the day it happened (a date).
     * Empty cells are empty strings.
     */
    private List<Object> row(ResultSet rs) throws SQLException {
        EventType type = EventType.valueOf(rs.getString("type"));
        JsonNode details = json.readTree(rs.getString("details"));
        JsonNode quantity = quantityOf(details);
        return Arrays.asList(
                rs.getLong("id"),
                rs.getString("organization"),
                nullToEmpty(rs.getString("identifier")),
                rs.getString("batch_number"),
                rs.getString("product"),
                rs.getString("variety"),
                rs.getString("plot"),
                regions.fullName(rs.getString("region_code")),
                type.chineseName(),
                rs.getDate("occurred_on").toLocalDate(),
                LOCAL_TIME.format(SupervisionQueries.utc(rs, "recorded_at")
                        .truncatedTo(ChronoUnit.SECONDS)
                        .atZone(zone)),
                rs.getString("recorded_by"),
                quantity == null ? "" : amount(quantity.path("amount").asText()),
                quantity == null ? "" : unitName(quantity.path("unit").asText()),
                source(details),
                details.path("buyerName").asText(""),
                summary(type, details),
                rs.getString("event_hash"));
    }

    /** ISO-8601 with the zone's offset and always with seconds, so that every row has the same shape. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static Object amount(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /** The unit in words (千克); a code this version does not know stays as recorded. */
    private static String unitName(String code) {
        try {
            return QuantityUnit.valueOf(code).chineseName();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static JsonNode quantityOf(JsonNode details) {
        for (String field : List.of("quantity", "amount", "output")) {
            JsonNode node = details.get(field);
            if (node != null && node.isObject() && node.has("amount")) {
                return node;
            }
        }
        return null;
    }

    private static String source(JsonNode details) {
        JsonNode source = details.get("source");
        if (source == null || !source.isObject()) {
            return "";
        }
        return source.path("organizationName").asText("") + " 批次 "
                + source.path("batchNumber").asText("");
    }

    private static String summary(EventType type, JsonNode details) {
        return switch (type) {
            case PESTICIDE_USE ->
                details.path("productName").asText("") + "（"
                        + details.path("registrationNumber").asText("")
                        + "，" + details.path("activeIngredient").asText("") + "，"
                        + details.path("dose").asText("")
                        + details.path("doseUnit").asText("") + "，安全间隔期"
                        + details.path("safetyIntervalDays").asText("")
                        + "天）";
            case FERTILISING -> details.path("fertiliserName").asText("");
            case INSPECTION ->
                details.path("agency").asText("") + " " + details.path("method").asText("") + " "
                        + ("PASS".equals(details.path("result").asText()) ? "合格" : "不合格");
            case RECALL -> details.path("reason").asText("");
            case RAPID_TEST ->
                details.path("station").asText("") + " " + details.path("item").asText("") + " "
                        + details.path("value").asText("")
                        + details.path("unit").asText("") + "（判定限 "
                        + details.path("limit").asText("")
                        + details.path("unit").asText("") + "）"
                        + ("PASS".equals(details.path("result").asText()) ? "合格" : "不合格");
            case PLANTING ->
                details.path("method").asText("") + " "
                        + details.path("seedVariety").asText("");
            case PROCESSING -> details.path("method").asText("");
            case PACKING -> details.path("packageType").asText("");
            default -> details.path("notes").asText("");
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean isMySql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:mysql:");
        } catch (SQLException e) {
            return false;
        }
    }

    private interface RowSink extends AutoCloseable {
        /** Cells are strings, numbers ({@link Long}, {@link BigDecimal}) or days ({@link LocalDate}). */
        void row(List<?> cells);

        @Override
        void close() throws IOException;
    }

    /** RFC 4180 CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly. */
    private static final class CsvSink implements RowSink {

        private final Writer writer;

        CsvSink(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                writer.write('\uFEFF');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<?> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    writer.write(escape(text(cells.get(i))));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }

        private static String text(Object cell) {
            if (cell == null) {
                return "";
            }
            return cell instanceof BigDecimal number ? number.toPlainString() : cell.toString();
        }

        private static String escape(String cell) {
            String value = cell == null ? "" : cell;
            // A leading =, +, - or @ would make a spreadsheet run the cell as a formula (CSV injection).
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            if (value.indexOf(',') >= 0
                    || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
            return value;
        }
    }

    /** XLSX through POI's streaming workbook: only a window of rows stays in memory, the rest goes to disk. */
    private static final class XlsxSink implements RowSink {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final CellStyle day;
        private int rowNumber;

        XlsxSink(OutputStream out) {
            this.out = out;
            this.workbook.setCompressTempFiles(true);
            this.sheet = workbook.createSheet("档案记录");
            this.day = workbook.createCellStyle();
            this.day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(rowNumber++);
            for (int i = 0; i < cells.size(); i++) {
                var cell = row.createCell(i);
                Object value = cells.get(i);
                if (value instanceof Long number) {
                    cell.setCellValue(number);
                } else if (value instanceof BigDecimal number) {
                    // Amounts have at most three decimals below 10^9: a double holds them as a spreadsheet shows
                    // them. The CSV keeps the exact decimal.
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(day);
                } else {
                    cell.setCellValue(value == null ? "" : value.toString());
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
