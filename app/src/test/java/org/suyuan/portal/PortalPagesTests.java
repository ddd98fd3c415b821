package org.suyuan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
 * The producer pages over real HTTP with a signed-in session and no JavaScript: isolation between organizations,
 * escaping, forms that are carried out once, rules that come back on the form, the language switch.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalPagesTests {

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
    void anotherOrganizationsBatchAnswersTheNotFoundPage() {
        PortalFixtures.Producer owner = PortalFixtures.producer(registry, accounts);
        PortalFixtures.Producer stranger = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, owner, "OWN-1", PortalFixtures.TODAY);
        PageClient page = PageClient.signIn(port, stranger.username(), PortalFixtures.PASSWORD);

        PageClient.Response response = page.get("/portal/batches/" + batch.getId());
        PageClient.Response form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=IRRIGATION");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("没有找到").doesNotContain("OWN-1").doesNotContain("Exception");
        assertThat(form.status()).isEqualTo(404);
        assertThat(PageClient.signIn(port, owner.username(), PortalFixtures.PASSWORD)
                        .get("/portal/batches/" + batch.getId())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aScriptInANoteRendersAsText() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "XSS-1", PortalFixtures.TODAY);
        PortalFixtures.record(
                batches,
                json,
                producer,
                batch,
                EventType.IRRIGATION,
                PortalFixtures.TODAY,
                Map.of("method", "滴灌", "notes", "<script>alert('x')</script>"));

        String body = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD)
                .get("/portal/batches/" + batch.getId())
                .body();

        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    }

    @Test
    void aFormSentTwiceWithItsKeyRecordsOnce() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "TWICE-1", PortalFixtures.TODAY);
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=IRRIGATION")
                .body();
        Map<String, String> fields = Map.of(
                "idempotencyKey", PageClient.formToken(form).orElseThrow(),
                "type", "IRRIGATION",
                "occurredOn", PortalFixtures.TODAY.toString(),
                "details[method]", "滴灌",
                "details[waterSource]", "井水");

        PageClient.Response first = page.postForm("/portal/batches/" + batch.getId() + "/events", fields);
        PageClient.Response retry = page.postForm("/portal/batches/" + batch.getId() + "/events", fields);

        assertThat(first.status()).isEqualTo(302);
        assertThat(retry.status()).isEqualTo(302);
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(batches.history(producer.organizationId(), batch.getId()))
                .extracting(entry -> entry.type())
                .containsExactly(EventType.CREATED, EventType.IRRIGATION);

        PageClient.Response changed = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey",
                        fields.get("idempotencyKey"),
                        "type",
                        "IRRIGATION",
                        "occurredOn",
                        PortalFixtures.TODAY.toString(),
                        "details[method]",
                        "漫灌"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.body()).contains("这个表单已经提交过了");
    }

    @Test
    void aRefusedHarvestComesBackOnTheFormWithWhatWasTyped() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "EARLY-1", PortalFixtures.TODAY.minusDays(30));
        PortalFixtures.record(
                batches,
                json,
                producer,
                batch,
                EventType.PESTICIDE_USE,
                PortalFixtures.TODAY.minusDays(10),
                PortalFixtures.pesticide(7));
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=HARVEST")
                .body();

        PageClient.Response refused = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey", PageClient.formToken(form).orElseThrow(),
                        "type", "HARVEST",
                        "occurredOn", PortalFixtures.TODAY.minusDays(5).toString(),
                        "details[quantityAmount]", "812.5",
                        "details[quantityUnit]", "KG",
                        "details[notes]", "第一茬"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("安全间隔期为 7 天")
                .contains("起才能采收")
                .contains("value=\"812.5\"")
                .contains("第一茬")
                .contains("已留档");
        assertThat(batches.history(producer.organizationId(), batch.getId())).hasSize(2);
        assertThat(batches.refusedAttempts(
                                producer.organizationId(), org.springframework.data.domain.Pageable.unpaged())
                        .getContent())
                .extracting(attempt -> attempt.getRule())
                .containsExactly("harvest-inside-safety-interval");
    }

    @Test
    void theHarvestFormIsBlockedWhileASafetyIntervalRuns() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "WAIT-1", PortalFixtures.TODAY.minusDays(30));
        PortalFixtures.record(
                batches,
                json,
                producer,
                batch,
                EventType.PESTICIDE_USE,
                PortalFixtures.TODAY.minusDays(1),
                PortalFixtures.pesticide(7));

        String form = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD)
                .get("/portal/batches/" + batch.getId() + "/events/new?type=HARVEST")
                .body();

        assertThat(form)
                .contains("id=\"harvest-blocked\"")
                .contains(PortalFixtures.TODAY.plusDays(6).toString() + " 起才能采收")
                .doesNotContain("id=\"event-form\"");
    }

    @Test
    void thePesticideCheckWarnsAboutABannedProductWithoutRecordingIt() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "CHECK-1", PortalFixtures.TODAY.minusDays(30));
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=PESTICIDE_USE")
                .body();

        PageClient.Response checked = page.postForm(
                "/portal/batches/" + batch.getId() + "/events/check",
                Map.of(
                        "idempotencyKey", PageClient.formToken(form).orElseThrow(),
                        "type", "PESTICIDE_USE",
                        "occurredOn", PortalFixtures.TODAY.minusDays(2).toString(),
                        "details[activeIngredient]", "甲胺磷",
                        "details[safetyIntervalDays]", "10"));

        assertThat(checked.status()).isEqualTo(200);
        // A banned product will not be recorded: no harvest day follows from it.
        assertThat(checked.body())
                .contains("id=\"pesticide-warning\"")
                .contains("甲胺磷")
                .doesNotContain("id=\"pesticide-harvest\"")
                .doesNotContain("起才能采收");
        assertThat(batches.history(producer.organizationId(), batch.getId())).hasSize(1);

        PageClient.Response permitted = page.postForm(
                "/portal/batches/" + batch.getId() + "/events/check",
                Map.of(
                        "idempotencyKey", PageClient.formToken(form).orElseThrow(),
                        "type", "PESTICIDE_USE",
                        "occurredOn", PortalFixtures.TODAY.minusDays(2).toString(),
                        "details[activeIngredient]", "苯醚甲环唑",
                        "details[safetyIntervalDays]", "10"));
        assertThat(permitted.body())
                .doesNotContain("id=\"pesticide-warning\"")
                .contains(PortalFixtures.TODAY.plusDays(8) + " 起才能采收");
    }

    @Test
    void aRefusedBannedPesticideComesBackWithTheWarningAndNoHarvestDay() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "BANNED-1", PortalFixtures.TODAY.minusDays(30));
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=PESTICIDE_USE")
                .body();

        PageClient.Response refused = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey", PageClient.formToken(form).orElseThrow(),
                        "type", "PESTICIDE_USE",
                        "occurredOn", PortalFixtures.TODAY.minusDays(2).toString(),
                        "details[productName]", "50%甲胺磷乳油",
                        "details[registrationNumber]", "PD20080001",
                        "details[activeIngredient]", "甲胺磷",
                        "details[dose]", "50",
                        "details[doseUnit]", "毫升/亩",
                        "details[method]", "喷雾",
                        "details[safetyIntervalDays]", "10"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"form-errors\"")
                .contains("甲胺磷")
                .doesNotContain("id=\"pesticide-harvest\"")
                .doesNotContain("起才能采收");
        assertThat(batches.history(producer.organizationId(), batch.getId())).hasSize(1);
    }

    @Test
    void methodsAndDoseUnitsArePickedFromChoicesWithOtherForAWordNotListed() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "CHOICE-1", PortalFixtures.TODAY.minusDays(30));
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=PESTICIDE_USE")
                .body();
        assertThat(form)
                .contains("<select name=\"details[method]\"")
                .contains("<option value=\"喷雾\">喷雾</option>")
                .contains("<select name=\"details[doseUnit]\"")
                .contains("<option value=\"克/亩\">克/亩</option>")
                .contains("name=\"details[methodOther]\"");
        assertThat(page.get("/portal/batches/" + batch.getId() + "/events/new?type=HARVEST")
                        .body())
                .contains("name=\"details[quantityUnit]\"")
                .contains("<option value=\"KG\">千克</option>");

        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("idempotencyKey", PageClient.formToken(form).orElseThrow());
        fields.put("type", "PESTICIDE_USE");
        fields.put("occurredOn", PortalFixtures.TODAY.minusDays(2).toString());
        fields.put("details[productName]", "10%苯醚甲环唑水分散粒剂");
        fields.put("details[registrationNumber]", "PD20070155");
        fields.put("details[activeIngredient]", "苯醚甲环唑");
        fields.put("details[dose]", "60");
        fields.put("details[doseUnit]", "克/亩");
        fields.put("details[method]", "其他");
        fields.put("details[methodOther]", "弥雾机喷雾");
        fields.put("details[safetyIntervalDays]", "7");
        PageClient.Response saved = page.postForm("/portal/batches/" + batch.getId() + "/events", fields);

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var recorded = batches.history(producer.organizationId(), batch.getId()).get(1);
        var details = recorded.detailsAs(org.suyuan.archive.EventDetails.PesticideUse.class);
        assertThat(details.method()).isEqualTo("弥雾机喷雾");
        assertThat(details.doseUnit()).isEqualTo("克/亩");
        String again = page.get(
                        "/portal/batches/" + batch.getId() + "/events/new?type=PESTICIDE_USE&from=" + recorded.id())
                .body();
        assertThat(again)
                .contains("<option value=\"其他\" selected=\"selected\">")
                .contains("value=\"弥雾机喷雾\"")
                .contains("<option value=\"克/亩\" selected=\"selected\">");

        PageClient.Response unchosen = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey", PageClient.formToken(again).orElseThrow(),
                        "type", "IRRIGATION",
                        "occurredOn", PortalFixtures.TODAY.minusDays(1).toString(),
                        "details[method]", "其他",
                        "details[methodOther]", ""));
        assertThat(unchosen.status()).isEqualTo(422);
        assertThat(unchosen.body()).contains("请选择“灌溉方式”；列表里没有的，选“其他”后填写。");
    }

    @Test
    void aRecallIsOfferedApartFromRoutineWorkAndMustBeConfirmed() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "SELF-RECALL", PortalFixtures.TODAY.minusDays(10));
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String batchPage = page.get("/portal/batches/" + batch.getId()).body();
        String routine = batchPage.substring(
                batchPage.indexOf("class=\"type-picker\""),
                batchPage.indexOf("</nav>", batchPage.indexOf("type-picker")));
        assertThat(routine).contains("record-IRRIGATION").doesNotContain("RECALL");
        assertThat(batchPage).contains("class=\"danger-zone\"").contains("id=\"record-RECALL\"");

        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=RECALL")
                .body();
        assertThat(form)
                .contains("id=\"recall-warning\"")
                .contains("name=\"confirmed\"")
                .contains("class=\"danger\"");
        PageClient.Response unconfirmed = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey",
                        PageClient.formToken(form).orElseThrow(),
                        "type",
                        "RECALL",
                        "occurredOn",
                        PortalFixtures.TODAY.toString(),
                        "details[reason]",
                        "自检发现农药残留超标"));
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("请勾选确认框").contains("自检发现农药残留超标");
        assertThat(batches.batch(producer.organizationId(), batch.getId()).getStatus())
                .isNotEqualTo(org.suyuan.db.archive.BatchStatus.RECALLED);

        PageClient.Response confirmed = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey",
                                PageClient.formToken(unconfirmed.body()).orElseThrow(),
                        "type", "RECALL",
                        "occurredOn", PortalFixtures.TODAY.toString(),
                        "details[reason]", "自检发现农药残留超标",
                        "confirmed", "true"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        assertThat(batches.batch(producer.organizationId(), batch.getId()).getStatus())
                .isEqualTo(org.suyuan.db.archive.BatchStatus.RECALLED);
    }

    @Test
    void sameAsLastTimeFillsTheFormFromTheEarlierRecord() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "AGAIN-1", PortalFixtures.TODAY.minusDays(30));
        PortalFixtures.record(
                batches,
                json,
                producer,
                batch,
                EventType.PESTICIDE_USE,
                PortalFixtures.TODAY.minusDays(20),
                PortalFixtures.pesticide(7));
        Long earlier =
                batches.history(producer.organizationId(), batch.getId()).get(1).id();
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String empty = page.get("/portal/batches/" + batch.getId() + "/events/new?type=PESTICIDE_USE")
                .body();
        String repeated = page.get(
                        "/portal/batches/" + batch.getId() + "/events/new?type=PESTICIDE_USE&from=" + earlier)
                .body();

        assertThat(empty).contains("id=\"same-as-last\"").contains("from=" + earlier);
        assertThat(repeated)
                .contains("value=\"PD20070155\"")
                .contains("value=\"10%苯醚甲环唑水分散粒剂\"")
                .contains("value=\"" + PortalFixtures.TODAY + "\"");
    }

    @Test
    void aCorrectionIsANewRecordNamingTheOldOne() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "FIX-1", PortalFixtures.TODAY.minusDays(30));
        PortalFixtures.record(
                batches,
                json,
                producer,
                batch,
                EventType.IRRIGATION,
                PortalFixtures.TODAY.minusDays(3),
                Map.of("method", "漫灌"));
        Long wrong =
                batches.history(producer.organizationId(), batch.getId()).get(1).id();
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String form = page.get("/portal/batches/" + batch.getId() + "/events/new?type=IRRIGATION&corrects=" + wrong)
                .body();

        PageClient.Response corrected = page.postForm(
                "/portal/batches/" + batch.getId() + "/events",
                Map.of(
                        "idempotencyKey", PageClient.formToken(form).orElseThrow(),
                        "type", "IRRIGATION",
                        "supersedes", wrong.toString(),
                        "occurredOn", PortalFixtures.TODAY.minusDays(3).toString(),
                        "details[method]", "滴灌"));

        assertThat(form).contains("value=\"漫灌\"").contains("正在更正");
        assertThat(corrected.status()).isEqualTo(302);
        var history = batches.history(producer.organizationId(), batch.getId());
        assertThat(history).hasSize(3);
        assertThat(history.get(2).supersedesEventId()).isEqualTo(wrong);
        assertThat(page.get("/portal/batches/" + batch.getId()).body()).contains("已被更正");
    }

    @Test
    void aPhotoUploadedTwiceWithItsKeyIsStoredOnceAndAnOversizedOneIsExplained() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "PHOTO-1", PortalFixtures.TODAY);
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String batchPage = page.get("/portal/batches/" + batch.getId()).body();
        Map<String, String> key =
                Map.of("idempotencyKey", PageClient.formToken(batchPage).orElseThrow());
        byte[] photo = TestImages.png();

        PageClient.Response first =
                page.postFile("/portal/batches/" + batch.getId() + "/attachments", key, "file", "棚内.png", photo);
        PageClient.Response retry =
                page.postFile("/portal/batches/" + batch.getId() + "/attachments", key, "file", "棚内.png", photo);
        PageClient.Response notAPhoto = page.postFile(
                "/portal/batches/" + batch.getId() + "/attachments",
                Map.of("idempotencyKey", java.util.UUID.randomUUID().toString()),
                "file",
                "tool.exe",
                "MZ not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(first.status()).isEqualTo(302);
        assertThat(retry.status()).isEqualTo(302);
        assertThat(page.get("/portal/batches/" + batch.getId()).body()).containsOnlyOnce(">棚内.png</a>");
        assertThat(notAPhoto.status()).isEqualTo(415);
        assertThat(notAPhoto.body()).contains("id=\"upload-error\"").contains("JPEG");
    }

    @Test
    void aShipmentToABuyerOnSuyuanIsConfirmedIntoALinkedBatch() {
        PortalFixtures.Producer seller = PortalFixtures.producer(registry, accounts);
        PortalFixtures.Producer buyer = PortalFixtures.producer(registry, accounts);
        Batch source = PortalFixtures.batch(batches, seller, "SELL-1", PortalFixtures.TODAY.minusDays(30));
        PortalFixtures.record(
                batches,
                json,
                seller,
                source,
                EventType.HARVEST,
                PortalFixtures.TODAY.minusDays(3),
                Map.of("quantity", Map.of("amount", "1000", "unit", "KG")));
        PageClient sellerPage = PageClient.signIn(port, seller.username(), PortalFixtures.PASSWORD);
        String shipmentForm = sellerPage
                .get("/portal/batches/" + source.getId() + "/events/new?type=SHIPMENT")
                .body();
        assertThat(shipmentForm).contains("value=\"" + buyer.organizationId() + "\"");

        PageClient.Response shipped = sellerPage.postForm(
                "/portal/batches/" + source.getId() + "/events",
                Map.of(
                        "idempotencyKey", PageClient.formToken(shipmentForm).orElseThrow(),
                        "type", "SHIPMENT",
                        "occurredOn", PortalFixtures.TODAY.minusDays(2).toString(),
                        "details[buyerName]", "下游合作社",
                        "details[buyerOrganizationId]", buyer.organizationId().toString(),
                        "details[quantityAmount]", "600",
                        "details[quantityUnit]", "KG"));
        assertThat(shipped.status()).isEqualTo(302);

        PageClient buyerPage = PageClient.signIn(port, buyer.username(), PortalFixtures.PASSWORD);
        assertThat(buyerPage.get("/portal").body()).contains("等你确认收货");
        String receipts = buyerPage.get("/portal/receipts").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/portal/receipts/\\d+)\"")
                .matcher(receipts);
        assertThat(link.find()).isTrue();
        String confirmForm = buyerPage.get(link.group(1)).body();
        PageClient.Response confirmed = buyerPage.postForm(
                link.group(1) + "/confirm",
                Map.of("idempotencyKey", PageClient.formToken(confirmForm).orElseThrow(), "batchNumber", "RCV-1"));

        assertThat(confirmed.status()).isEqualTo(302);
        String downstream = buyerPage
                .get(java.net.URI.create(confirmed.location()).getPath())
                .body();
        assertThat(downstream)
                .contains("RCV-1")
                .contains("来源")
                .contains("SELL-1")
                .contains("600 千克");
        assertThat(sellerPage.get("/portal/batches/" + source.getId()).body())
                .contains("去向")
                .contains("对方已确认收货");
    }

    @Test
    void codeRefusalsComeBackAsPagesSayingWhatToDo() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "CODES-1", PortalFixtures.TODAY.minusDays(10));
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);
        String batchPage = page.get("/portal/batches/" + batch.getId()).body();

        PageClient.Response certificate = page.get("/portal/batches/" + batch.getId() + "/certificate.pdf");
        PageClient.Response serials = page.postForm(
                "/portal/batches/" + batch.getId() + "/serials",
                Map.of("idempotencyKey", PageClient.formToken(batchPage).orElseThrow(), "count", "5"));
        PageClient.Response labels = page.get("/portal/batches/" + batch.getId() + "/labels.pdf?layout=a4-3x8");

        assertThat(batchPage).contains("id=\"trace-code\"").contains("记录采收后才能发放单品码");
        assertThat(certificate.status()).isEqualTo(422);
        assertThat(certificate.header("Content-Type")).startsWith("text/html");
        assertThat(certificate.body()).contains("采收");
        assertThat(serials.status()).isEqualTo(409);
        assertThat(serials.body()).contains("id=\"codes-error\"").contains("请先记录采收");
        assertThat(labels.status()).isEqualTo(200);
        assertThat(labels.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void aRecallByTheBureauShowsOnTheDashboardAndStopsRecording() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        Batch batch = PortalFixtures.batch(batches, producer, "RECALL-1", PortalFixtures.TODAY.minusDays(10));
        String regulator = accounts.createRegulator(
                        "regulator-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        PortalFixtures.PASSWORD,
                        "监管员",
                        "340200")
                .username();
        org.suyuan.ApiClient bureau = org.suyuan.ApiClient.anonymous(port).as(regulator, PortalFixtures.PASSWORD);
        assertThat(bureau.post(
                                "/api/v1/supervision/batches/" + batch.getId() + "/recall",
                                Map.of("reason", "抽检发现农药残留超标", "instructions", "请停止销售"))
                        .status())
                .isEqualTo(200);
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        String dashboard = page.get("/portal").body();
        String batchPage = page.get("/portal/batches/" + batch.getId()).body();

        assertThat(dashboard).contains("监管通知").contains("RECALL-1");
        assertThat(batchPage).contains("已召回").doesNotContain("id=\"record-HARVEST\"");
    }

    @Test
    void aRegulatorGetsTheProducersOnlyPage() {
        String username = accounts.createRegulator(
                        "regulator-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        PortalFixtures.PASSWORD,
                        "监管员",
                        "340200")
                .username();

        PageClient.Response response =
                PageClient.signIn(port, username, PortalFixtures.PASSWORD).get("/portal");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("只有生产经营主体");
    }

    @Test
    void pagesSpeakEnglishOnceAskedAndRememberIt() {
        PortalFixtures.Producer producer = PortalFixtures.producer(registry, accounts);
        PageClient page = PageClient.signIn(port, producer.username(), PortalFixtures.PASSWORD);

        assertThat(page.get("/portal").body()).contains("我的批次").contains("lang=\"zh-CN\"");
        assertThat(page.get("/portal?lang=en").body()).contains("My batches").contains("lang=\"en\"");
        assertThat(page.get("/portal").body()).contains("My batches");
        assertThat(page.get("/portal?lang=zh").body()).contains("我的批次");
    }
}
