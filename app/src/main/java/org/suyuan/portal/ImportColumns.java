package org.suyuan.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.suyuan.db.archive.EventType;

/**
 * The columns of the import file: fixed Chinese headers (the file format does not change with the page's
 * language), what each is for, and an example row per record type.
 */
final class ImportColumns {

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(ImportFile.BATCH_NUMBER, "批次号");
        HEADERS.put(ImportFile.TYPE, "记录类型");
        HEADERS.put(ImportFile.DATE, "日期");
        HEADERS.put("method", "方式");
        HEADERS.put("seedVariety", "种子品种");
        HEADERS.put("seedSource", "种子来源");
        HEADERS.put("quantityAmount", "数量");
        HEADERS.put("quantityUnit", "单位");
        HEADERS.put("fertiliserName", "肥料名称");
        HEADERS.put("registrationNumber", "登记证号");
        HEADERS.put("fertiliserType", "肥料类型");
        HEADERS.put("productName", "农药名称");
        HEADERS.put("activeIngredient", "有效成分");
        HEADERS.put("dose", "用量");
        HEADERS.put("doseUnit", "用量单位");
        HEADERS.put("safetyIntervalDays", "安全间隔期（天）");
        HEADERS.put("target", "防治对象");
        HEADERS.put("waterSource", "水源");
        HEADERS.put("waterAmount", "用水量");
        HEADERS.put("agency", "检测机构");
        HEADERS.put("items", "检测项目");
        HEADERS.put("result", "检测结果");
        HEADERS.put("packageType", "包装方式");
        HEADERS.put("buyerName", "买方名称");
        HEADERS.put("buyerContact", "买方联系方式");
        HEADERS.put("inputBatchNumbers", "原料批次号");
        HEADERS.put("reason", "召回原因");
        HEADERS.put("instructions", "处理办法");
        HEADERS.put("notes", "备注");
    }

    private ImportColumns() {}

    /** The Chinese header of a column. */
    static String header(String field) {
        return HEADERS.getOrDefault(field, field);
    }

    /** Every header in template order. */
    static List<String> headers() {
        return ImportFile.columns().stream().map(ImportColumns::header).toList();
    }

    /** Header text (normalised) to field: the Chinese headers, the field names, and a few common variants. */
    static Map<String, String> lookup() {
        Map<String, String> lookup = new LinkedHashMap<>();
        for (String field : ImportFile.columns()) {
            lookup.put(ImportFile.normaliseHeader(header(field)), field);
            lookup.put(ImportFile.normaliseHeader(field), field);
        }
        lookup.put(ImportFile.normaliseHeader("安全间隔期"), "safetyIntervalDays");
        lookup.put(ImportFile.normaliseHeader("安全间隔期(天)"), "safetyIntervalDays");
        lookup.put(ImportFile.normaliseHeader("农药登记证号"), "registrationNumber");
        lookup.put(ImportFile.normaliseHeader("批号"), ImportFile.BATCH_NUMBER);
        lookup.put(ImportFile.normaliseHeader("类型"), ImportFile.TYPE);
        lookup.put(ImportFile.normaliseHeader("日期(年-月-日)"), ImportFile.DATE);
        return lookup;
    }

    /** Which record types use a column, and for which it must be filled. */
    static String usage(String field) {
        if (field.equals(ImportFile.BATCH_NUMBER)) {
            return "必填。已建立的批次的批次号，例如 B2026-001。";
        }
        if (field.equals(ImportFile.TYPE)) {
            return "必填。"
                    + String.join(
                            "、",
                            EventFields.RECORDABLE.stream()
                                    .map(EventType::chineseName)
                                    .toList())
                    + " 之一。";
        }
        if (field.equals(ImportFile.DATE)) {
            return "必填。实际发生的日期，例如 2026-05-01 或 2026/5/1；不能晚于今天。";
        }
        List<String> uses = new ArrayList<>();
        for (EventType type : EventFields.RECORDABLE) {
            for (EventField eventField : EventFields.of(type)) {
                if (eventField.name().equals(field)) {
                    uses.add(type.chineseName() + (eventField.required() ? "（必填）" : ""));
                }
            }
        }
        String hint = switch (field) {
            case "quantityUnit" -> "千克、斤、克、吨、个、箱、袋 或 头。";
            case "result" -> "合格 或 不合格。";
            case "items", "inputBatchNumbers" -> "多个用顿号或逗号隔开。";
            case "safetyIntervalDays" -> "农药标签上的天数，整数。";
            case "registrationNumber" -> "照农药或肥料标签填写，例如 PD 开头的农药登记证号。";
            default -> "";
        };
        return "用于：" + String.join("、", uses) + "。" + hint;
    }

    /** One example row per record type, in column order: what the 说明 sheet and the import page show. */
    static List<List<String>> examples() {
        List<Map<String, String>> rows = List.of(
                Map.of(
                        "type",
                        "播种/定植",
                        "method",
                        "定植",
                        "seedVariety",
                        "粉冠一号",
                        "quantityAmount",
                        "2400",
                        "quantityUnit",
                        "个"),
                Map.of(
                        "type",
                        "施肥",
                        "fertiliserName",
                        "腐熟羊粪有机肥",
                        "fertiliserType",
                        "有机肥",
                        "quantityAmount",
                        "500",
                        "quantityUnit",
                        "千克",
                        "method",
                        "沟施"),
                Map.of(
                        "type",
                        "施药",
                        "productName",
                        "（照农药标签）",
                        "registrationNumber",
                        "（照农药标签）",
                        "activeIngredient",
                        "（照农药标签）",
                        "dose",
                        "60",
                        "doseUnit",
                        "克/亩",
                        "method",
                        "喷雾",
                        "safetyIntervalDays",
                        "7",
                        "target",
                        "早疫病"),
                Map.of("type", "灌溉", "method", "滴灌", "waterSource", "井水", "waterAmount", "20 立方米"),
                Map.of("type", "采收", "quantityAmount", "800", "quantityUnit", "千克"),
                Map.of(
                        "type",
                        "检测",
                        "agency",
                        "本社快检室",
                        "method",
                        "农药残留快速检测（酶抑制法）",
                        "items",
                        "有机磷、氨基甲酸酯",
                        "result",
                        "合格"),
                Map.of("type", "包装", "packageType", "纸箱", "quantityAmount", "80", "quantityUnit", "箱"),
                Map.of("type", "销售/发货", "buyerName", "（买方名称）", "quantityAmount", "500", "quantityUnit", "千克"));
        List<List<String>> examples = new ArrayList<>();
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String field : ImportFile.columns()) {
                cells.add(
                        switch (field) {
                            case ImportFile.BATCH_NUMBER -> "B2026-001";
                            case ImportFile.DATE -> "2026-05-01";
                            default -> row.getOrDefault(field, "");
                        });
            }
            examples.add(cells);
        }
        return examples;
    }
}
