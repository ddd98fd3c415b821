package org.suyuan.db.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.BatchRepository;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.PlotRepository;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.db.archive.ProductRepository;

/**
 * What the code tables must guarantee on every database Suyuan supports: a code exists once, a batch has one
 * trace code and gap-free serial numbers, and a product keeps its item size. Subclasses pick the database.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
abstract class CodeRepositoryContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    IssuedCodeRepository codes;

    @Autowired
    OrganizationRepository organizations;

    @Autowired
    PlotRepository plots;

    @Autowired
    ProductRepository products;

    @Autowired
    BatchRepository batches;

    @Autowired
    EntityManager entityManager;

    @Test
    void refusesTheSameCodeTwiceEvenForAnotherBatch() {
        Batch first = batch("91340200MA2T0J8Q4R", "B1", "06901234567892");
        Batch second = batch("91340200MA2T0J8Q4R", "B2", null);
        codes.saveAndFlush(
                IssuedCode.forBatch("0123456789ABCDEFG", first.getOrganizationId(), first.getId(), NOW, null));

        assertThatThrownBy(() -> codes.saveAndFlush(IssuedCode.forItem(
                        "0123456789ABCDEFG", second.getOrganizationId(), second.getId(), 1, NOW, "farmer")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesASecondTraceCodeForOneBatch() {
        Batch batch = batch("91340200MA2T0J8Q4R", "B1", null);
        codes.saveAndFlush(
                IssuedCode.forBatch("0000000000000000A", batch.getOrganizationId(), batch.getId(), NOW, null));

        assertThatThrownBy(() -> codes.saveAndFlush(
                        IssuedCode.forBatch("0000000000000000B", batch.getOrganizationId(), batch.getId(), NOW, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesASerialNumberTwiceWithinABatch() {
        Batch batch = batch("91340200MA2T0J8Q4R", "B1", null);
        codes.saveAndFlush(
                IssuedCode.forItem("1000000000000000A", batch.getOrganizationId(), batch.getId(), 1, NOW, "a"));

        assertThatThrownBy(() -> codes.saveAndFlush(
                        IssuedCode.forItem("1000000000000000B", batch.getOrganizationId(), batch.getId(), 1, NOW, "b")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void countsSerialsAndFindsTakenCodes() {
        Batch batch = batch("91340200MA2T0J8Q4R", "B1", null);
        assertThat(codes.lastItemNumber(batch.getId())).isZero();
        codes.saveAndFlush(
                IssuedCode.forBatch("2000000000000000A", batch.getOrganizationId(), batch.getId(), NOW, null));
        codes.saveAndFlush(
                IssuedCode.forItem("2000000000000000B", batch.getOrganizationId(), batch.getId(), 1, NOW, "a"));
        codes.saveAndFlush(
                IssuedCode.forItem("2000000000000000C", batch.getOrganizationId(), batch.getId(), 2, NOW, "a"));

        assertThat(codes.lastItemNumber(batch.getId())).isEqualTo(2);
        assertThat(codes.findTaken(List.of("2000000000000000C", "3000000000000000A")))
                .containsExactly("2000000000000000C");
    }

    @Test
    void insertsManyCodesAtOnceAsJpaWouldStoreThem() {
        Batch batch = batch("91340200MA2T0J8Q4R", "B1", null);
        List<IssuedCode> serials = new java.util.ArrayList<>();
        for (int i = 1; i <= 1_201; i++) {
            serials.add(IssuedCode.forItem(
                    String.format("5%016d", i), batch.getOrganizationId(), batch.getId(), i, NOW, "farmer"));
        }

        codes.insertAll(serials);
        entityManager.clear();

        assertThat(codes.lastItemNumber(batch.getId())).isEqualTo(1_201);
        IssuedCode read = codes.findById("50000000000000601").orElseThrow();
        assertThat(read.getItemNumber()).isEqualTo(601);
        assertThat(read.getIssuedAt()).isEqualTo(NOW);
        assertThat(read.getStatus()).isEqualTo(CodeStatus.ACTIVE);
        read.disable("标签被盗", "farmer", NOW);
        codes.flush();
        assertThatThrownBy(() -> codes.insertAll(List.of(serials.get(0))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void keepsADisabledCodeWithItsReason() {
        Batch batch = batch("91340200MA2T0J8Q4R", "B1", null);
        IssuedCode code = codes.saveAndFlush(
                IssuedCode.forItem("4000000000000000A", batch.getOrganizationId(), batch.getId(), 1, NOW, "farmer"));
        code.disable("标签被盗", "farmer", NOW);
        codes.flush();
        entityManager.clear();

        IssuedCode read = codes.findById("4000000000000000A").orElseThrow();
        assertThat(read.getStatus()).isEqualTo(CodeStatus.DISABLED);
        assertThat(read.getDisabledReason()).isEqualTo("标签被盗");
        assertThat(read.getDisabledAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> read.disable("again", "farmer", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findsTheBatchOfADigitalLinkByGtinAndBatchNumber() {
        Batch batch = batch("91340200MA2T0J8Q4R", "QYJ-2026-001", "06901234567892");
        batch("91340200MA2T0J8Q4R", "QYJ-2026-002", "06901234567892");

        assertThat(codes.findBatchesByGtinAndBatchNumber("06901234567892", "QYJ-2026-001"))
                .containsExactly(new BatchReference(batch.getId(), batch.getOrganizationId()));
        assertThat(codes.findBatchesByGtinAndBatchNumber("06901234567893", "QYJ-2026-001"))
                .isEmpty();
        assertThat(codes.lockBatch(batch.getId(), batch.getOrganizationId())).contains(batch.getId());
        assertThat(codes.lockBatchCode(batch.getId())).isEmpty();
        codes.saveAndFlush(
                IssuedCode.forBatch("6000000000000000A", batch.getOrganizationId(), batch.getId(), NOW, null));
        assertThat(codes.lockBatchCode(batch.getId()))
                .get()
                .extracting(IssuedCode::getCode)
                .isEqualTo("6000000000000000A");
        assertThat(codes.lockBatch(batch.getId(), batch.getOrganizationId() + 1))
                .isEmpty();
    }

    @Test
    void keepsAProductsItemSize() {
        Organization organization = organization("91340200MA2T0J8Q4R");
        Product product = products.saveAndFlush(new Product(
                organization.getId(), "番茄", ProductCategory.VEGETABLE, "粉冠一号", null, new BigDecimal("0.5"), "KG", NOW));
        entityManager.clear();

        Product read = products.findById(product.getId()).orElseThrow();
        assertThat(read.getItemSizeAmount()).isEqualByComparingTo("0.5");
        assertThat(read.getItemSizeUnit()).isEqualTo("KG");
    }

    private Organization organization(String creditCode) {
        return organizations.findAll().stream()
                .filter(o -> creditCode.equals(o.getCreditCode()))
                .findFirst()
                .orElseGet(() -> organizations.saveAndFlush(Organization.withCreditCode(
                        "芜湖市湾沚区青弋江蔬菜专业合作社",
                        OrganizationType.COOPERATIVE,
                        creditCode,
                        "340210",
                        "湾沚镇青弋江路1号",
                        "王芳",
                        "13955300000",
                        NOW)));
    }

    private Batch batch(String creditCode, String number, String gtin) {
        Organization organization = organization(creditCode);
        Plot plot = plots.save(new Plot(organization.getId(), "大棚" + number, "340210", null, null, null, null, NOW));
        Product product = products.save(
                new Product(organization.getId(), "番茄", ProductCategory.VEGETABLE, "粉冠" + number, gtin, NOW));
        return batches.saveAndFlush(
                new Batch(organization.getId(), product.getId(), plot.getId(), number, LocalDate.of(2026, 3, 1), NOW));
    }
}
