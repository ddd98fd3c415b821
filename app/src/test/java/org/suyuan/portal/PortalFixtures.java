package org.suyuan.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.suyuan.TestClock;
import org.suyuan.account.AccountService;
import org.suyuan.account.CurrentUser;
import org.suyuan.archive.ArchiveJourneyTestsAccess;
import org.suyuan.archive.BatchService;
import org.suyuan.archive.OrganizationService;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.EventType;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.ProductCategory;
import tools.jackson.databind.json.JsonMapper;

/** Producers, batches and events for page tests, made through the services the pages use. */
final class PortalFixtures {

    static final String PASSWORD = "portal-test-password";
    static final LocalDate TODAY = TestClock.TODAY;

    private PortalFixtures() {}

    /** A producer organization with one plot and one product (番茄), and a user who can sign in. */
    record Producer(CurrentUser user, Long organizationId, Long plotId, Long productId) {

        String username() {
            return user.username();
        }
    }

    static Producer producer(OrganizationService registry, AccountService accounts) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var organization = registry.register(new OrganizationService.NewOrganization(
                "测试合作社" + suffix,
                OrganizationType.COOPERATIVE,
                ArchiveJourneyTestsAccess.randomCreditCode(),
                null,
                "340210",
                "湾沚镇测试路1号",
                "张三",
                "13900000000"));
        var plot = registry.addPlot(
                organization.getId(),
                new OrganizationService.NewPlot("1号大棚", "340210", null, null, null, new BigDecimal("5")));
        var product = registry.addProduct(
                organization.getId(),
                new OrganizationService.NewProduct("番茄", ProductCategory.VEGETABLE, "粉冠一号", null));
        CurrentUser user = accounts.createProducer("farmer-" + suffix, PASSWORD, "测试农户" + suffix, organization.getId());
        return new Producer(user, organization.getId(), plot.getId(), product.getId());
    }

    static Batch batch(BatchService batches, Producer producer, String number, LocalDate startedOn) {
        return batches.open(
                producer.user(),
                new BatchService.NewBatch(number, producer.productId(), producer.plotId(), startedOn, null));
    }

    static void record(
            BatchService batches,
            JsonMapper json,
            Producer producer,
            Batch batch,
            EventType type,
            LocalDate day,
            Map<String, Object> details) {
        batches.record(
                producer.user(), batch.getId(), new BatchService.NewEvent(type, day, null, json.valueToTree(details)));
    }

    /** A pesticide use with a safety interval, as the demo data records one. */
    static Map<String, Object> pesticide(int safetyIntervalDays) {
        return Map.of(
                "productName", "10%苯醚甲环唑水分散粒剂",
                "registrationNumber", "PD20070155",
                "activeIngredient", "苯醚甲环唑",
                "dose", "60",
                "doseUnit", "克/亩",
                "method", "喷雾",
                "safetyIntervalDays", safetyIntervalDays);
    }
}
