package org.suyuan.portal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.db.archive.EventType;

/**
 * The import file: a table with one production record per row, as CSV (UTF-8, or GBK/GB18030 as Excel on a Chinese
 * Windows saves it) or XLSX. The first row names the columns (Chinese headers from the template, or the field
 * names); blank rows are skipped. Also writes the templates.
 */
final class ImportFile {

    /** The most rows one file may hold: enough for a season of a large co-op, small enough for one transaction. */
    static final int MAX_ROWS = 10_000;

    static final String BATCH_NUMBER = "batchNumber";
    static final String TYPE = "type";
    static final String DATE = "occurredOn";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern CHINESE_DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private ImportFile() {}

    /** One row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells by field. */
    record Row(int number, Map<String, String> cells) {

        String cell(String field) {
            String value = cells.get(field);
            return value == null ? "" : value.strip();
        }
    }

    /** The rows of a file, or why the file as a whole cannot be read. */
    record Table(List<String> unknownColumns, List<Row> rows) {}

    /** The file cannot be read at all; the message says what to do. */
    static final class UnreadableFileException extends RuntimeException {

        UnreadableFileException(String message) {
            super(message);
        }
    }

    /** The column headers in template order: batch number, type, date, then every event field. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(BATCH_NUMBER, TYPE, DATE));
        columns.addAll(EventFields.allNames());
        return columns;
    }

    /** Reads a CSV or XLSX file (told apart by its first bytes, not its name). */
    static Table read(byte[] content, Map<String, String> headerToField) {
        if (content.length == 0) {
            throw new UnreadableFileException("文件是空的。请下载模板，填好后再上传。");
        }
        List<List<String>> lines = startsWith(content, ZIP) ? readXlsx(content) : readCsv(content);
        if (lines.isEmpty()) {
            throw new UnreadableFileException("文件里没有内容。请下载模板，填好后再上传。");
        }
        List<String> header = lines.get(0);
        List<String> fields = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : header) {
            String field = headerToField.get(normaliseHeader(name));
            if (field == null && !normaliseHeader(name).isEmpty()) {
                unknown.add(name.strip());
            }
            fields.add(field);
        }
        for (String required : List.of(BATCH_NUMBER, TYPE, DATE)) {
            if (!fields.contains(required)) {
                throw new UnreadableFileException(
                        "第 1 行应是列名（表头），并至少有“批次号”“记录类型”“日期”三列；" + "没有找到这几列。请使用下载的模板，不要删改第 1 行。");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            Map<String, String> cells = new LinkedHashMap<>();
            boolean blank = true;
            for (int column = 0; column < Math.min(line.size(), fields.size()); column++) {
                String field = fields.get(column);
                String value = line.get(column) == null ? "" : line.get(column).strip();
                if (field != null && !value.isEmpty()) {
                    cells.put(field, value);
                    blank = false;
                }
            }
            if (blank) {
                continue;
            }
            rows.add(new Row(i + 1, cells));
            if (rows.size() > MAX_ROWS) {
                throw new UnreadableFileException("文件超过 " + MAX_ROWS + " 行记录。请把文件拆成几个，每个不超过 " + MAX_ROWS + " 行，分别上传。");
            }
        }
        if (rows.isEmpty()) {
            throw new UnreadableFileException("文件只有表头，没有记录。请在第 2 行起每行填一条记录后再上传。");
        }
        return new Table(unknown, rows);
    }

    static String normaliseHeader(String header) {
        return header == null
                ? ""
                : header.replace("\uFEFF", "")
                        .replace("*", "")
                        .replace("＊", "")
                        .strip()
                        .toLowerCase(Locale.ROOT);
    }

    /** A date as farmers and spreadsheets write it: 2026-05-01, 2026/5/1, 2026.5.1 or 2026年5月1日. */
    static LocalDate date(String value) {
        Matcher matcher = CHINESE_DATE.matcher(value.strip());
        if (!matcher.matches()) {
            throw new DateTimeParseException("not a date", value, 0);
        }
        return LocalDate.of(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /** Event types by their Chinese names (施药), common short forms (销售) or codes (PESTICIDE_USE). */
    static EventType type(String value) {
        String word = value.strip();
        for (EventType type : EventFields.RECORDABLE) {
            if (type.name().equalsIgnoreCase(word) || type.chineseName().equals(word)) {
                return type;
            }
        }
        return switch (word) {
            case "播种", "定植", "移栽" -> EventType.PLANTING;
            case "打药", "用药", "喷药" -> EventType.PESTICIDE_USE;
            case "销售", "发货", "出售" -> EventType.SHIPMENT;
            case "收获", "采摘" -> EventType.HARVEST;
            case "检验", "自检", "快检" -> EventType.INSPECTION;
            case "浇水" -> EventType.IRRIGATION;
            default -> null;
        };
    }

    private static List<List<String>> readCsv(byte[] content) {
        return CsvParser.parse(decode(content));
    }

    /** UTF-8 when the bytes are valid UTF-8 (with or without a BOM); otherwise GB18030, a superset of GBK. */
    private static String decode(byte[] content) {
        if (startsWith(content, UTF8_BOM)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private static List<List<String>> readXlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheet(TEMPLATE_SHEET);
            if (sheet == null) {
                sheet = workbook.getSheetAt(0);
            }
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> lines = new ArrayList<>();
            int last = sheet.getLastRowNum();
            if (last > MAX_ROWS + 100) {
                last = MAX_ROWS + 100;
            }
            for (int r = 0; r <= last; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), formatter, evaluator));
                    }
                }
                lines.add(cells);
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException("无法读取这个 Excel 文件（" + e.getClass().getSimpleName()
                    + "）。请用 Excel 或 WPS 另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”后重新上传。");
        }
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (type == CellType.NUMERIC) {
            return new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue()))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return formatter.formatCellValue(cell, evaluator);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static final String TEMPLATE_SHEET = "记录";

    /** The CSV template: the header row only, UTF-8 with a BOM so that Excel shows the Chinese headers. */
    static byte[] csvTemplate(List<String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        out.writeBytes((String.join(",", headers.stream().map(CsvParser::quote).toList()) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * The XLSX template: the header row (frozen, required columns marked *) with drop-down lists for the record
     * type, the unit and the result, and a second sheet explaining each column with an example row per type.
     */
    static byte[] xlsxTemplate(
            List<String> headers,
            List<Boolean> alwaysRequired,
            List<List<String>> explanation,
            List<List<String>> examples) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(TEMPLATE_SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle textStyle = workbook.createCellStyle();
            textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i) + (alwaysRequired.get(i) ? "*" : ""));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, 14 * 256);
                // Dates and batch numbers stay text, so Excel does not turn 2026-05-01 into a number.
                sheet.setDefaultColumnStyle(i, textStyle);
            }
            sheet.createFreezePane(0, 1);
            DataValidationHelper validations = sheet.getDataValidationHelper();
            int lastRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
            List<String> columns = columns();
            addList(
                    sheet,
                    validations,
                    columns.indexOf(TYPE),
                    lastRow,
                    EventFields.RECORDABLE.stream().map(EventType::chineseName).toArray(String[]::new));
            addList(
                    sheet,
                    validations,
                    columns.indexOf("quantityUnit"),
                    lastRow,
                    java.util.Arrays.stream(QuantityUnit.values())
                            .map(QuantityUnit::chineseName)
                            .toArray(String[]::new));
            addList(sheet, validations, columns.indexOf("result"), lastRow, new String[] {"合格", "不合格"});

            Sheet help = workbook.createSheet("说明");
            int r = 0;
            for (List<String> line : explanation) {
                org.apache.poi.ss.usermodel.Row row = help.createRow(r++);
                for (int c = 0; c < line.size(); c++) {
                    row.createCell(c).setCellValue(line.get(c));
                }
            }
            r++;
            org.apache.poi.ss.usermodel.Row exampleHeader = help.createRow(r++);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = exampleHeader.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(headerStyle);
            }
            for (List<String> example : examples) {
                org.apache.poi.ss.usermodel.Row row = help.createRow(r++);
                for (int c = 0; c < example.size(); c++) {
                    row.createCell(c).setCellValue(example.get(c));
                }
            }
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(1, 60 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addList(
            Sheet sheet, DataValidationHelper validations, int column, int lastRow, String[] values) {
        var constraint = validations.createExplicitListConstraint(values);
        var validation = validations.createValidation(constraint, new CellRangeAddressList(1, lastRow, column, column));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }
}
