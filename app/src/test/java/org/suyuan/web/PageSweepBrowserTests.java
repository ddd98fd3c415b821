package org.suyuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.suyuan.TestClock;
import org.suyuan.TestClockConfiguration;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.AttachmentService;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.EventDetails;
import org.suyuan.archive.OrganizationService;
import org.suyuan.archive.SupplyChainService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.db.code.CodeKind;
import org.suyuan.db.code.IssuedCode;
import org.suyuan.db.code.IssuedCodeRepository;
import org.suyuan.rapidtest.RapidTestService;
import org.suyuan.supervision.SpotCheckService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every console, portal and consumer page opened in Chromium, on the demo data grown the way a season grows it:
 * the tomato batch processed into a washed-and-graded batch and that into gift boxes (a batch with both a source and
 * a destination), the tea farm shipping to the cooperative (a receipt waiting), a spot-check round with a result, a
 * photo, an import; and the demo's recalled and tampered batches. Fails on any 5xx, any page that stops rendering
 * half-way (a template error after the first bytes), or any error page where a page was expected.
 *
 * <p>The pages to open come from the controllers' own mappings: every {@code GET} route of a {@link PageController}
 * must have a visit here, so a page added later cannot be left out silently.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "suyuan.demo.enabled=true",
            "spring.datasource.url=jdbc:h2:mem:page-sweep;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
        })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSweepBrowserTests {

    private static final String COOPERATIVE = "93340210MA2NQ8KX4X";
    private static final String FAMILY_FARM = "92340223MA2T5R1L02";
    private static final String PASSWORD = "suyuan-demo";

    /** A real 2 × 2 PNG, as a photo of the greenhouse. */
    private static final byte[] PHOTO = Base64.getDecoder()
            .decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPQqzUCIgYIBQAYKgN1RttJhQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountService accounts;

    @Autowired
    OrganizationService registry;

    @Autowired
    org.suyuan.db.archive.OrganizationRepository organizations;

    @Autowired
    BatchService batches;

    @Autowired
    SupplyChainService supplyChain;

    @Autowired
    AttachmentService attachments;

    @Autowired
    SpotCheckService spotChecks;

    @Autowired
    IssuedCodeRepository codes;

    @Autowired
    RapidTestService rapidTests;

    @Autowired
    JsonMapper json;

    private List<Visit> visits;

    /**
     * Who opens a page: the service's administrator, the city's inspector, the cooperative's farmer, the township's
     * inspection station, or a consumer who is signed in nowhere.
     */
    enum Role {
        ADMINISTRATOR("admin"),
        REGULATOR("regulator"),
        PRODUCER("farmer"),
        STATION("station"),
        CONSUMER(null);

        /** The demo account the role signs in as; null for a consumer. */
        final String username;

        Role(String username) {
            this.username = username;
        }
    }

    /**
     * One page to open.
     *
     * @param route the mapping's pattern it covers
     * @param status the status it must answer (a page 200; a mistyped or unknown code its 400 or 404 page)
     * @param contentType for a download (PDF, CSV, photo, JSON), the type it must have; null for a page
     */
    record Visit(String route, String path, Role role, int status, String contentType) {

        static Visit page(String route, String path, Role role) {
            return new Visit(route, path, role, 200, null);
        }

        static Visit download(String route, String path, Role role, String contentType) {
            return new Visit(route, path, role, 200, contentType);
        }
    }

    @BeforeAll
    void growTheDemoSeason() {
        Browser.requireChromium();
        visits = visits(Season.grow(this));
    }

    @Test
    void everyPageRouteOfThePageControllersHasAVisit() {
        Set<String> routes = pageRoutes();
        Set<String> visited = visits.stream().map(Visit::route).collect(Collectors.toCollection(TreeSet::new));
        assertThat(visited)
                .as("GET routes of page controllers without a visit in this sweep: add one")
                .containsAll(routes);
        assertThat(routes).as("visits of routes no page controller maps").containsAll(visited);
    }

    @Test
    void everyConsolePortalAndConsumerPageOpensWithoutAServerOrTemplateError() {
        List<String> failures = new ArrayList<>();
        for (Role role : Role.values()) {
            try (Browser browser = Browser.open(port, "sweep/" + role.name().toLowerCase())) {
                if (role.username != null) {
                    signIn(browser, role.username);
                }
                for (Visit visit : visits) {
                    if (visit.role() == role) {
                        failures.addAll(open(browser, visit));
                    }
                }
            }
        }
        assertThat(failures).as("pages that failed").isEmpty();
    }

    private List<String> open(Browser browser, Visit visit) {
        List<String> failures = new ArrayList<>();
        String where = visit.role() + " " + visit.path() + " (" + visit.route() + ")";
        if (visit.contentType() != null) {
            HttpResponse<byte[]> response = browser.download(visit.path());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != visit.status() || !type.startsWith(visit.contentType())) {
                failures.add(where + ": " + response.statusCode() + " " + type + ", expected " + visit.status() + " "
                        + visit.contentType());
            }
            return failures;
        }
        browser.get(visit.path());
        Object status = browser.driver()
                .executeScript(
                        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : -1;");
        int answered = ((Number) status).intValue();
        String source = browser.driver().getPageSource();
        if (answered != visit.status()) {
            failures.add(where + ": status " + answered + ", expected " + visit.status());
        }
        // A template that fails after the first bytes were sent leaves a page without its end.
        if (browser.findAll(By.tagName("footer")).isEmpty()) {
            failures.add(where + ": the page stops before its footer (a template error while rendering?)");
        }
        if (visit.status() < 400
                && !browser.findAll(By.cssSelector(".problem-title")).isEmpty()) {
            failures.add(where + ": shows the error page: " + browser.text(By.cssSelector(".problem-title")));
        }
        if (source.contains("Exception") || source.contains("Whitelabel")) {
            failures.add(where + ": the page names an exception");
        }
        String name = visit.path().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        browser.screenshot((name.isEmpty() ? "home" : name.substring(0, Math.min(60, name.length()))) + "-" + answered);
        return failures;
    }

    /** Every route that a page controller answers GET requests on. */
    private Set<String> pageRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PageController.class)) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                routes.addAll(info.getPatternValues());
            }
        });
        return routes;
    }

    private List<Visit> visits(Season season) {
        List<Visit> visits = new ArrayList<>();
        Role consumer = Role.CONSUMER;
        visits.add(Visit.page("/", "/", consumer));
        visits.add(Visit.page("/login", "/login", consumer));
        visits.add(Visit.page("/t", "/t", consumer));
        season.traceCodes.forEach((name, code) -> visits.add(Visit.page("/t/{code}", "/t/" + code, consumer)));
        visits.add(Visit.page("/t/{code}", "/t/" + season.serial, consumer));
        visits.add(new Visit("/t/{code}", "/t/" + season.mistypedCode(), consumer, 400, null));
        visits.add(new Visit("/t/{code}", "/t/00000000DEM0FAKEX", consumer, 400, null));
        visits.add(new Visit("/t/{code}", "/t/" + season.unknownCode(), consumer, 404, null));
        visits.add(Visit.download(
                "/t/{code}/certificate.pdf",
                "/t/" + season.traceCodes.get("tomato") + "/certificate.pdf",
                consumer,
                "application/pdf"));
        visits.add(Visit.download(
                "/t/{code}/photos/{attachmentId}",
                "/t/" + season.traceCodes.get("tomato") + "/photos/" + season.photoId,
                consumer,
                "image/png"));
        visits.add(Visit.page("/01/**", "/01/06901234567892/10/QYJ-2026-001", consumer));
        visits.add(Visit.page("/01/**", "/01/06901234567892/10/QYJ-2026-001/21/" + season.serial, consumer));
        visits.add(new Visit("/01/**", "/01/06901234567893/10/QYJ-2026-001", consumer, 400, null));

        Role regulator = Role.REGULATOR;
        visits.add(Visit.page("/console", "/console", regulator));
        visits.add(Visit.page("/console/producers", "/console/producers", regulator));
        visits.add(Visit.page("/console/producers/{id}", "/console/producers/" + season.cooperativeId, regulator));
        visits.add(Visit.page("/console/producers/{id}", "/console/producers/" + season.familyFarmId, regulator));
        season.batchIds.forEach((name, id) ->
                visits.add(Visit.page("/console/batches/{id}", "/console/batches/" + id + "#" + name, regulator)));
        visits.add(Visit.page("/console/spot-checks", "/console/spot-checks", regulator));
        visits.add(Visit.page("/console/spot-checks/{id}", "/console/spot-checks/" + season.roundId, regulator));
        visits.add(Visit.page("/console/exports", "/console/exports", regulator));
        visits.add(Visit.download(
                "/console/exports/events.{format}", "/console/exports/events.csv", regulator, "text/csv"));
        visits.add(Visit.download(
                "/console/exports/events.{format}",
                "/console/exports/events.xlsx?region=340210",
                regulator,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        visits.add(Visit.page("/console/integrity", "/console/integrity", regulator));
        visits.add(Visit.page("/console/audit", "/console/audit", regulator));
        visits.add(Visit.page("/account/tokens", "/account/tokens", regulator));

        Role administrator = Role.ADMINISTRATOR;
        visits.add(Visit.page("/admin", "/admin", administrator));
        visits.add(Visit.page("/admin/users", "/admin/users", administrator));
        visits.add(Visit.page("/admin/organizations", "/admin/organizations", administrator));
        visits.add(Visit.page("/account/tokens", "/account/tokens", administrator));
        visits.add(Visit.page("/console/audit", "/console/audit", administrator));

        Role producer = Role.PRODUCER;
        long tomato = season.batchIds.get("tomato");
        visits.add(Visit.page("/portal", "/portal", producer));
        visits.add(Visit.page("/portal/", "/portal/", producer));
        visits.add(Visit.page("/portal/organization", "/portal/organization", producer));
        visits.add(Visit.page("/portal/batches/new", "/portal/batches/new", producer));
        season.batchIds.forEach((name, id) -> {
            if (!name.equals("tea")) {
                visits.add(Visit.page("/portal/batches/{id}", "/portal/batches/" + id + "#" + name, producer));
            }
        });
        for (EventType type : List.of(
                EventType.PLANTING,
                EventType.FERTILISING,
                EventType.PESTICIDE_USE,
                EventType.IRRIGATION,
                EventType.HARVEST,
                EventType.INSPECTION,
                EventType.PACKING,
                EventType.SHIPMENT,
                EventType.PROCESSING,
                EventType.RECALL)) {
            visits.add(Visit.page(
                    "/portal/batches/{id}/events/new",
                    "/portal/batches/" + tomato + "/events/new?type=" + type.name(),
                    producer));
        }
        visits.add(Visit.page(
                "/portal/batches/{id}/events/new",
                "/portal/batches/" + tomato + "/events/new?type=PESTICIDE_USE&pick="
                        + URLEncoder.encode("listed:甲胺磷", StandardCharsets.UTF_8),
                producer));
        visits.add(Visit.page(
                "/portal/batches/{id}/events/new",
                "/portal/batches/" + tomato + "/events/new?type=PESTICIDE_USE&from=" + season.pesticideEventId,
                producer));
        visits.add(Visit.page(
                "/portal/batches/{id}/events/new",
                "/portal/batches/" + tomato + "/events/new?type=PESTICIDE_USE&corrects=" + season.pesticideEventId,
                producer));
        visits.add(Visit.page(
                "/portal/batches/{id}/events/new",
                "/portal/batches/" + season.batchIds.get("cowpea") + "/events/new?type=HARVEST",
                producer));
        visits.add(Visit.page(
                "/portal/batches/{id}/events/new",
                "/portal/batches/" + season.batchIds.get("recalled") + "/events/new?type=IRRIGATION",
                producer));
        visits.add(Visit.download(
                "/portal/batches/{id}/attachments/{attachmentId}",
                "/portal/batches/" + tomato + "/attachments/" + season.photoId,
                producer,
                "image/png"));
        visits.add(Visit.download(
                "/portal/batches/{id}/labels.pdf",
                "/portal/batches/" + tomato + "/labels.pdf",
                producer,
                "application/pdf"));
        visits.add(Visit.download(
                "/portal/batches/{id}/labels.pdf",
                "/portal/batches/" + tomato + "/labels.pdf?layout=thermal-50x30&serials=true",
                producer,
                "application/pdf"));
        visits.add(Visit.download(
                "/portal/batches/{id}/certificate.pdf",
                "/portal/batches/" + tomato + "/certificate.pdf",
                producer,
                "application/pdf"));
        visits.add(Visit.download(
                "/portal/batches/{id}/pesticide-check",
                "/portal/batches/" + tomato + "/pesticide-check?activeIngredient="
                        + URLEncoder.encode("甲胺磷", StandardCharsets.UTF_8),
                producer,
                "application/json"));
        visits.add(Visit.page("/portal/receipts", "/portal/receipts", producer));
        visits.add(Visit.page("/portal/receipts/{id}", "/portal/receipts/" + season.receiptId, producer));
        visits.add(Visit.page("/portal/imports", "/portal/imports", producer));
        visits.add(
                Visit.download("/portal/imports/template.csv", "/portal/imports/template.csv", producer, "text/csv"));
        visits.add(Visit.download(
                "/portal/imports/template.xlsx",
                "/portal/imports/template.xlsx",
                producer,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        visits.add(Visit.page("/portal/imports/{id}", "/portal/imports/" + season.importId, producer));
        visits.add(Visit.page("/portal/account/password", "/portal/account/password", producer));
        visits.add(Visit.page("/account/tokens", "/account/tokens", producer));

        visits.add(Visit.page("/station", "/station", Role.STATION));
        visits.add(Visit.page("/station", "/station?code=" + season.traceCodes.get("tomato"), Role.STATION));
        visits.add(Visit.page("/account/tokens", "/account/tokens", Role.STATION));
        return visits;
    }

    private static void signIn(Browser browser, String username) {
        browser.get("/login");
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), PASSWORD);
        browser.follow(By.cssSelector("form.form button[type=submit]"));
    }

    /**
     * The demo data one season on: what the sweep opens pages of.
     *
     * @param batchIds by name: the demo's tomato (processed onwards), cowpea (growing), tampered cucumber, recalled
     *     pepper, the farm's tea, and the washed batch (a source and a destination) and the gift boxes made of it
     */
    private record Season(
            long cooperativeId,
            long familyFarmId,
            Map<String, Long> batchIds,
            Map<String, String> traceCodes,
            String serial,
            long pesticideEventId,
            long photoId,
            long roundId,
            long receiptId,
            long importId) {

        String mistypedCode() {
            String code = traceCodes.get("tomato");
            return code.substring(0, 16) + (code.charAt(16) == '0' ? '1' : '0');
        }

        /** A well-formed code (its check character fits) that was never issued. */
        String unknownCode() {
            for (char check : "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
                try {
                    return org.suyuan.qr.TraceCode.parse("00000000DEM0FAKE" + check)
                            .value();
                } catch (org.suyuan.qr.InvalidTraceCodeException wrongCheckCharacter) {
                    // try the next
                }
            }
            throw new IllegalStateException("no check character fits");
        }

        static Season grow(PageSweepBrowserTests test) {
            long cooperative = test.organizations
                    .findByCreditCode(COOPERATIVE)
                    .orElseThrow()
                    .getId();
            long farm = test.organizations
                    .findByCreditCode(FAMILY_FARM)
                    .orElseThrow()
                    .getId();
            CurrentUser farmer = test.accounts.user("farmer");
            CurrentUser farmerNanling = test.accounts.user("farmer-nanling");
            CurrentUser regulator = test.accounts.user("regulator");
            Map<String, Long> batchIds = new LinkedHashMap<>();
            batchIds.put("tomato", test.batch(cooperative, "QYJ-2026-001").getId());
            batchIds.put("cowpea", test.batch(cooperative, "QYJ-2026-002").getId());
            batchIds.put("tampered", test.batch(cooperative, "QYJ-2026-003").getId());
            batchIds.put("recalled", test.batch(cooperative, "QYJ-2026-004").getId());
            batchIds.put("tea", test.batch(farm, "YS-2026-01").getId());

            // The cooperative washes and grades 600 kg of the tomatoes, then packs gift boxes from them.
            long plot = test.registry
                    .plots(cooperative, org.springframework.data.domain.Pageable.unpaged())
                    .getContent()
                    .get(0)
                    .getId();
            long washedProduct = test.registry
                    .addProduct(
                            cooperative,
                            new OrganizationService.NewProduct("番茄（净菜分级）", ProductCategory.VEGETABLE, "粉冠一号", null))
                    .getId();
            Batch washed = test.batches.open(
                    farmer,
                    new BatchService.NewBatch(
                            "QYJ-2026-101", washedProduct, plot, TestClock.TODAY.minusDays(18), "清洗分级车间"));
            test.record(
                    farmer,
                    washed,
                    EventType.PROCESSING,
                    TestClock.TODAY.minusDays(18),
                    Map.of(
                            "method", "清洗分拣",
                            "inputs",
                                    List.of(Map.of(
                                            "batchNumber",
                                            "QYJ-2026-001",
                                            "quantity",
                                            Map.of("amount", "600", "unit", "KG"))),
                            "output", Map.of("amount", "560", "unit", "KG")));
            long giftProduct = test.registry
                    .addProduct(
                            cooperative,
                            new OrganizationService.NewProduct("番茄礼盒", ProductCategory.VEGETABLE, "粉冠一号", null))
                    .getId();
            Batch gift = test.batches.open(
                    farmer,
                    new BatchService.NewBatch("QYJ-2026-102", giftProduct, plot, TestClock.TODAY.minusDays(17), null));
            test.record(
                    farmer,
                    gift,
                    EventType.PROCESSING,
                    TestClock.TODAY.minusDays(17),
                    Map.of(
                            "method", "分级包装",
                            "inputs",
                                    List.of(Map.of(
                                            "batchNumber",
                                            "QYJ-2026-101",
                                            "quantity",
                                            Map.of("amount", "500", "unit", "KG"))),
                            "output", Map.of("amount", "100", "unit", "BOX")));
            batchIds.put("washed", washed.getId());
            batchIds.put("gift", gift.getId());

            // The tea farm sends tea to the cooperative's shop; the cooperative has yet to confirm it.
            test.record(
                    farmerNanling,
                    test.batch(farm, "YS-2026-01"),
                    EventType.SHIPMENT,
                    TestClock.TODAY.minusDays(2),
                    Map.of(
                            "buyerName",
                            "芜湖市湾沚区青弋江蔬菜专业合作社",
                            "buyerOrganizationId",
                            cooperative,
                            "quantity",
                            Map.of("amount", "50", "unit", "JIN")));
            long receipt = test.supplyChain.pendingReceipts(cooperative).get(0).id();

            // The township station finds the cowpea failing an organophosphate rapid test, with the strip's photo.
            test.rapidTests.record(
                    test.accounts.user("station"),
                    new RapidTestService.NewRapidTest(
                            test.codes
                                    .findAllByBatchIdInAndKind(List.of(batchIds.get("cowpea")), CodeKind.BATCH)
                                    .get(0)
                                    .getCode(),
                            TestClock.TODAY,
                            "有机磷和氨基甲酸酯类农药",
                            "酶抑制率法（GB/T 5009.199）",
                            "50",
                            "71.2",
                            "%",
                            EventDetails.InspectionResult.FAIL,
                            "张丽",
                            "六郎镇农贸市场",
                            null),
                    new BatchService.StripPhoto("strip.png", PHOTO));

            long photo = test.attachments
                    .store(farmer, batchIds.get("tomato"), "greenhouse.png", PHOTO)
                    .getId();
            long pesticide = test.batches.history(cooperative, batchIds.get("tomato")).stream()
                    .filter(entry -> entry.type() == EventType.PESTICIDE_USE)
                    .findFirst()
                    .orElseThrow()
                    .id();

            SpotCheckService.PlannedRound round = test.spotChecks.plan(regulator, "2026年冬季蔬菜抽检", 2, "sweep-seed-1");
            long task = round.tasks().get(0).getId();
            test.spotChecks.recordSampling(
                    regulator,
                    task,
                    new SpotCheckService.Sampling(
                            "CJ-2026-0101", List.of("张三", "李四"), TestClock.TODAY, "湾沚镇农贸市场", "FT-0101"));
            test.spotChecks.recordResult(
                    regulator,
                    task,
                    List.of(new SpotCheckService.TestedItem("毒死蜱", "0.005", "0.02", "mg/kg", true)),
                    null,
                    null);

            // The farmer uploads last week's irrigation from the paper notebook, as the imports page takes it.
            PageClient page = PageClient.signIn(test.port, "farmer", PASSWORD);
            String form = page.get("/portal/imports").body();
            PageClient.Response uploaded = page.postFile(
                    "/portal/imports",
                    Map.of("idempotencyKey", PageClient.formToken(form).orElseThrow()),
                    "file",
                    "补录灌溉.csv",
                    ("批次号,记录类型,日期,方式\r\nQYJ-2026-002,灌溉," + TestClock.TODAY.minusDays(3) + ",滴灌\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(uploaded.location()).matches(".*/portal/imports/\\d+");
            long importJob = Long.parseLong(uploaded.location().replaceAll(".*/", ""));

            Map<String, String> traceCodes = new LinkedHashMap<>();
            List<IssuedCode> batchCodes = test.codes.findAllByBatchIdInAndKind(batchIds.values(), CodeKind.BATCH);
            batchIds.forEach((name, id) -> batchCodes.stream()
                    .filter(code -> code.getBatchId().equals(id))
                    .findFirst()
                    .ifPresent(code -> traceCodes.put(name, code.getCode())));
            String serial = test.codes
                    .findAllByBatchIdInAndKind(List.of(batchIds.get("tomato")), CodeKind.ITEM)
                    .get(0)
                    .getCode();
            return new Season(
                    cooperative,
                    farm,
                    batchIds,
                    traceCodes,
                    serial,
                    pesticide,
                    photo,
                    round.round().getId(),
                    receipt,
                    importJob);
        }
    }

    private Batch batch(long organizationId, String number) {
        return batches.batchByNumber(organizationId, number).orElseThrow();
    }

    private void record(
            CurrentUser user, Batch batch, EventType type, java.time.LocalDate day, Map<String, ?> details) {
        batches.record(user, batch.getId(), new BatchService.NewEvent(type, day, null, json.valueToTree(details)));
    }
}
