package org.suyuan.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.suyuan.SuyuanProperties;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.Quantity;
import org.suyuan.archive.QuantityUnit;
import org.suyuan.code.CodeService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.verification.IntegrityAuditor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty trial installation with two producers in two districts of 芜湖市, regulators for the city and
 * one district, and batches at different stages, then prints who can sign in. Only in the embedded profile
 * ({@code suyuan.demo.enabled}); every other profile starts with no users and no default password.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("suyuan.demo.enabled")
class DemoData implements ApplicationRunner {

    /** The demo password of every demo user; printed at start, valid only in trial installations. */
    static final String PASSWORD = "suyuan-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final OrganizationService registry;
    private final BatchService batches;
    private final CodeService codes;
    private final JsonMapper json;
    private final SuyuanProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final IntegrityAuditor auditor;

    DemoData(
            AccountService accounts,
            OrganizationService registry,
            BatchService batches,
            CodeService codes,
            JsonMapper json,
            SuyuanProperties properties,
            Clock clock,
            JdbcTemplate jdbc,
            IntegrityAuditor auditor) {
        this.accounts = accounts;
        this.registry = registry;
        this.batches = batches;
        this.codes = codes;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
        this.auditor = auditor;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUserExists()) {
            printCredentials();
            return;
        }
        accounts.createAdministrator("admin", PASSWORD, "系统管理员");
        accounts.createRegulator("regulator", PASSWORD, "芜湖市农业农村局 监管员", "340200");
        CurrentUser districtRegulator =
                accounts.createRegulator("regulator-wanzhi", PASSWORD, "湾沚区农业农村局 监管员", "340210");
        accounts.createStation("station", PASSWORD, "湾沚区六郎镇农产品质量安全快检室", "340210");

        var cooperative = registry.register(new OrganizationService.NewOrganization(
                "芜湖市湾沚区青弋江蔬菜专业合作社",
                OrganizationType.COOPERATIVE,
                "93340210MA2NQ8KX4X",
                null,
                "340210",
                "湾沚区湾沚镇青弋江路18号",
                "王建国",
                "13955312345"));
        var farm = registry.register(new OrganizationService.NewOrganization(
                "南陵县丫山家庭农场",
                OrganizationType.FAMILY_FARM,
                "92340223MA2T5R1L02",
                null,
                "340223",
                "南陵县丫山镇丫山村12号",
                "李秀英",
                "13805536789"));
        CurrentUser farmer = accounts.createProducer("farmer", PASSWORD, "王建国（合作社）", cooperative.getId());
        CurrentUser farmer2 = accounts.createProducer("farmer-nanling", PASSWORD, "李秀英（家庭农场）", farm.getId());

        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        Plot greenhouse = registry.addPlot(
                cooperative.getId(),
                new OrganizationService.NewPlot(
                        "青弋江1号大棚",
                        "340210",
                        "湾沚镇青弋江村",
                        new BigDecimal("31.147280"),
                        new BigDecimal("118.567300"),
                        new BigDecimal("8.5")));
        Product tomato = registry.addProduct(
                cooperative.getId(),
                new OrganizationService.NewProduct(
                        "番茄", ProductCategory.VEGETABLE, "粉冠一号", "6901234567892", Quantity.of("5", QuantityUnit.KG)));
        Product cowpea = registry.addProduct(
                cooperative.getId(),
                new OrganizationService.NewProduct("豇豆", ProductCategory.VEGETABLE, "之豇28-2", null));

        Batch harvested = batches.open(
                farmer,
                new BatchService.NewBatch(
                        "QYJ-2026-001", tomato.getId(), greenhouse.getId(), today.minusDays(90), null));
        record(
                farmer,
                harvested,
                EventType.PLANTING,
                today.minusDays(88),
                Map.of(
                        "method",
                        "定植",
                        "seedVariety",
                        "粉冠一号",
                        "seedSource",
                        "芜湖市种子公司",
                        "quantity",
                        Map.of("amount", "2400", "unit", "PIECE")));
        record(
                farmer,
                harvested,
                EventType.FERTILISING,
                today.minusDays(60),
                Map.of(
                        "fertiliserName",
                        "腐熟羊粪有机肥",
                        "fertiliserType",
                        "有机肥",
                        "amount",
                        Map.of("amount", "500", "unit", "KG"),
                        "method",
                        "沟施"));
        record(
                farmer,
                harvested,
                EventType.PESTICIDE_USE,
                today.minusDays(30),
                Map.of(
                        "productName",
                        "10%苯醚甲环唑水分散粒剂",
                        "registrationNumber",
                        "PD20070155",
                        "activeIngredient",
                        "苯醚甲环唑",
                        "dose",
                        "60",
                        "doseUnit",
                        "克/亩",
                        "method",
                        "喷雾",
                        "safetyIntervalDays",
                        7,
                        "target",
                        "早疫病"));
        record(
                farmer,
                harvested,
                EventType.HARVEST,
                today.minusDays(20),
                Map.of("quantity", Map.of("amount", "3200", "unit", "KG")));
        record(
                farmer,
                harvested,
                EventType.INSPECTION,
                today.minusDays(20),
                Map.of(
                        "agency",
                        "湾沚区农产品质量安全检测站",
                        "method",
                        "农药残留快速检测（酶抑制法）",
                        "items",
                        List.of("有机磷和氨基甲酸酯类农药"),
                        "result",
                        "PASS"));
        record(
                farmer,
                harvested,
                EventType.SHIPMENT,
                today.minusDays(19),
                Map.of("buyerName", "芜湖市鸠江区农产品批发市场", "quantity", Map.of("amount", "1200", "unit", "KG")));
        // Every batch got its trace code when it was opened; the harvested one also has a few 5 kg crates labelled.
        codes.issueSerials(farmer, harvested.getId(), 6);

        Batch growing = batches.open(
                farmer,
                new BatchService.NewBatch(
                        "QYJ-2026-002", cowpea.getId(), greenhouse.getId(), today.minusDays(45), null));
        record(
                farmer,
                growing,
                EventType.PLANTING,
                today.minusDays(44),
                Map.of("method", "播种", "seedVariety", "之豇28-2"));
        record(
                farmer,
                growing,
                EventType.PESTICIDE_USE,
                today.minusDays(1),
                Map.of(
                        "productName",
                        "5%甲氨基阿维菌素苯甲酸盐微乳剂",
                        "registrationNumber",
                        "PD20120235",
                        "activeIngredient",
                        "甲氨基阿维菌素苯甲酸盐",
                        "dose",
                        "15",
                        "doseUnit",
                        "毫升/亩",
                        "method",
                        "喷雾",
                        "safetyIntervalDays",
                        5,
                        "target",
                        "豆荚螟"));

        Plot hillside = registry.addPlot(
                farm.getId(),
                new OrganizationService.NewPlot("丫山茶园", "340223", "丫山镇丫山村", null, null, new BigDecimal("30")));
        Product tea = registry.addProduct(
                farm.getId(), new OrganizationService.NewProduct("绿茶", ProductCategory.TEA, "南陵雾芽", null));
        Batch teaBatch = batches.open(
                farmer2,
                new BatchService.NewBatch("YS-2026-01", tea.getId(), hillside.getId(), today.minusDays(40), null));
        record(
                farmer2,
                teaBatch,
                EventType.HARVEST,
                today.minusDays(10),
                Map.of("quantity", Map.of("amount", "120", "unit", "JIN"), "notes", "明前一芽一叶"));

        showcaseTamperedAndRecalled(farmer, districtRegulator, greenhouse, cooperative.getId(), today);

        // So the console shows the tampered demo batch among its flags from the start, not after the nightly run.
        auditor.run("demo");

        log.info("Demo data loaded: 2 producers, 5 batches, 5 users.");
        printCredentials();
    }

    /**
     * Two batches for the landing page's scan showcase: one whose pesticide record was edited straight in the
     * database after it was saved (the consumer page must say TAMPERED), and one the district bureau recalled.
     */
    private void showcaseTamperedAndRecalled(
            CurrentUser farmer, CurrentUser regulator, Plot greenhouse, Long cooperativeId, LocalDate today) {
        Product cucumber = registry.addProduct(
                cooperativeId, new OrganizationService.NewProduct("黄瓜", ProductCategory.VEGETABLE, "津优35号", null));
        Batch tampered = batches.open(
                farmer,
                new BatchService.NewBatch(
                        DemoShowcase.TAMPERED_BATCH, cucumber.getId(), greenhouse.getId(), today.minusDays(50), null));
        record(farmer, tampered, EventType.PLANTING, today.minusDays(49), Map.of("method", "定植"));
        record(
                farmer,
                tampered,
                EventType.PESTICIDE_USE,
                today.minusDays(12),
                Map.of(
                        "productName", "50%腐霉利可湿性粉剂",
                        "registrationNumber", "PD20095268",
                        "activeIngredient", "腐霉利",
                        "dose", "80",
                        "doseUnit", "克/亩",
                        "method", "喷雾",
                        "safetyIntervalDays", 3,
                        "target", "灰霉病"));
        record(
                farmer,
                tampered,
                EventType.HARVEST,
                today.minusDays(5),
                Map.of("quantity", Map.of("amount", "900", "unit", "KG")));
        // The demonstration of tampering: someone with database access halves the recorded dose, bypassing the
        // service (which never updates an event). The stored hash still covers the original text.
        jdbc.update(
                "UPDATE batch_event SET details = REPLACE(details, '\"dose\":\"80\"', '\"dose\":\"40\"')"
                        + " WHERE batch_id = ? AND type = 'PESTICIDE_USE'",
                tampered.getId());

        Product pepper = registry.addProduct(
                cooperativeId, new OrganizationService.NewProduct("辣椒", ProductCategory.VEGETABLE, "苏椒5号", null));
        Batch recalled = batches.open(
                farmer,
                new BatchService.NewBatch(
                        DemoShowcase.RECALLED_BATCH, pepper.getId(), greenhouse.getId(), today.minusDays(70), null));
        record(farmer, recalled, EventType.PLANTING, today.minusDays(69), Map.of("method", "定植"));
        record(
                farmer,
                recalled,
                EventType.HARVEST,
                today.minusDays(8),
                Map.of("quantity", Map.of("amount", "600", "unit", "KG")));
        record(
                farmer,
                recalled,
                EventType.SHIPMENT,
                today.minusDays(7),
                Map.of("buyerName", "芜湖市镜湖区菜市场", "quantity", Map.of("amount", "600", "unit", "KG")));
        batches.recallOnBehalf(
                regulator,
                recalled.getId(),
                new EventDetails.Recall("湾沚区农业农村局抽检：腐霉利残留超过 GB 2763 限量", "请停止食用，凭购买凭证到购买处退货；已食用且身体不适者请就医。", null));
    }

    private void record(CurrentUser user, Batch batch, EventType type, LocalDate day, Map<String, Object> details) {
        batches.record(user, batch.getId(), new BatchService.NewEvent(type, day, null, json.valueToTree(details)));
    }

    private void printCredentials() {
        log.info("""

                =====================================================================
                 Suyuan demo users (password for all: {}) — trial installation only:
                   farmer            producer, 芜湖市湾沚区青弋江蔬菜专业合作社
                   farmer-nanling    producer, 南陵县丫山家庭农场
                   regulator         regulator, 芜湖市 (340200)
                   regulator-wanzhi  regulator, 湾沚区 (340210)
                   station           inspection station (快检室), 湾沚区六郎镇, reports to 湾沚区 (340210)
                   admin             administrator
                 Where to open it: the next lines ("Suyuan is running: ...").
                =====================================================================""", PASSWORD);
    }
}
