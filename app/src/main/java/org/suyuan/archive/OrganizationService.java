package org.suyuan.archive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suyuan.BoundedCache;
import org.suyuan.account.CurrentUser;
import org.suyuan.db.archive.Batch;
import org.suyuan.db.archive.Organization;
import org.suyuan.db.archive.OrganizationRepository;
import org.suyuan.db.archive.OrganizationType;
import org.suyuan.db.archive.Plot;
import org.suyuan.db.archive.PlotRepository;
import org.suyuan.db.archive.Product;
import org.suyuan.db.archive.ProductCategory;
import org.suyuan.db.archive.ProductRepository;
import org.suyuan.problem.ConflictException;
import org.suyuan.problem.InvalidInputException;
import org.suyuan.problem.NotFoundException;
import org.suyuan.qr.Gtin;

/** Registers organizations (生产经营主体) and their plots and products. */
@Service
public class OrganizationService {

    static final int PRODUCTS_REMEMBERED = 4_096;

    private final OrganizationRepository organizations;
    private final PlotRepository plots;
    private final ProductRepository products;
    private final Regions regions;
    private final PersonalDataProtection personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Products by id, for every event recorded and every label printed: a product is only ever inserted
     * ({@link #addProduct}; {@link Product} has no setter and nothing updates or deletes the table), so reading it
     * again on every write would only cost time.
     */
    private final BoundedCache<Long, Product> productsById = new BoundedCache<>(PRODUCTS_REMEMBERED);

    OrganizationService(
            OrganizationRepository organizations,
            PlotRepository plots,
            ProductRepository products,
            Regions regions,
            PersonalDataProtection personalData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.plots = plots;
        this.products = products;
        this.regions = regions;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
    }

    /** What identifies an organization: a credit code for legal persons, an ID-card number for an individual. */
    public record NewOrganization(
            String name,
            OrganizationType type,
            String creditCode,
            String idCardNumber,
            String regionCode,
            String address,
            String contactName,
            String contactPhone) {}

    public record NewPlot(
            String name,
            String regionCode,
            String address,
            BigDecimal latitude,
            BigDecimal longitude,
            BigDecimal areaMu) {}

    /**
     * A product; {@code itemSize} is how much of the harvest one labelled item holds (e.g. 0.5 KG per bag), which
     * caps the per-item serials of its batches, or null for one item per harvested unit.
     */
    public record NewProduct(String name, ProductCategory category, String variety, String gtin, Quantity itemSize) {

        public NewProduct(String name, ProductCategory category, String variety, String gtin) {
            this(name, category, variety, gtin, null);
        }
    }

    @Transactional
    public Organization register(NewOrganization request) {
        regions.require("regionCode", request.regionCode());
        Instant now = now();
        if (request.type() == OrganizationType.INDIVIDUAL) {
            IdCardNumber idCard = IdCardNumber.parse(request.idCardNumber());
            String fingerprint = personalData.fingerprint(idCard.value());
            if (organizations.existsByIdCardFingerprint(fingerprint)) {
                throw ConflictException.duplicateOrganization(idCard.masked());
            }
            return registered(organizations.save(Organization.withIdCard(
                    request.name(),
                    personalData.encrypt(idCard.value()),
                    idCard.masked(),
                    fingerprint,
                    request.regionCode(),
                    request.address(),
                    request.contactName(),
                    request.contactPhone(),
                    now)));
        }
        CreditCode creditCode = CreditCode.parse(request.creditCode());
        if (organizations.existsByCreditCode(creditCode.value())) {
            throw ConflictException.duplicateOrganization(creditCode.value());
        }
        return registered(organizations.save(Organization.withCreditCode(
                request.name(),
                request.type(),
                creditCode.value(),
                request.regionCode(),
                request.address(),
                request.contactName(),
                request.contactPhone(),
                now)));
    }

    /** Tells the audit log, inside the registering transaction: an organization is logged only if it is stored. */
    private Organization registered(Organization organization) {
        events.publishEvent(
                new OrganizationRegistered(organization.getId(), organization.getName(), organization.getRegionCode()));
        return organization;
    }

    /**
     * Records or removes (with a blank value) an organization's GLN: administrators for any organization, a
     * producer for its own; another organization answers 404.
     */
    @Transactional
    public Organization assignGln(CurrentUser user, Long organizationId, String gln) {
        if (!user.isAdministrator() && !organizationId.equals(user.requireOrganization())) {
            throw NotFoundException.organization(organizationId);
        }
        Organization organization = organizations
                .findById(organizationId)
                .orElseThrow(() -> NotFoundException.organization(organizationId));
        if (gln == null || gln.isBlank()) {
            organization.assignGln(null);
            return organization;
        }
        Gln parsed = Gln.parse(gln);
        if (organizations.existsByGlnAndIdNot(parsed.value(), organizationId)) {
            throw ConflictException.duplicateGln(parsed.value());
        }
        organization.assignGln(parsed.value());
        return organization;
    }

    @Transactional(readOnly = true)
    public Organization organization(Long id) {
        return organizations.findById(id).orElseThrow(() -> NotFoundException.organization(id));
    }

    @Transactional(readOnly = true)
    public Page<Organization> organizations(Pageable pageable) {
        return organizations.findAll(pageable);
    }

    @Transactional
    public Plot addPlot(Long organizationId, NewPlot request) {
        regions.require("regionCode", request.regionCode());
        checkCoordinates(request.latitude(), request.longitude());
        if (plots.existsByOrganizationIdAndName(organizationId, request.name())) {
            throw ConflictException.duplicatePlot(request.name());
        }
        return plots.save(new Plot(
                organizationId,
                request.name(),
                request.regionCode(),
                request.address(),
                request.latitude(),
                request.longitude(),
                request.areaMu(),
                now()));
    }

    @Transactional(readOnly = true)
    public Plot plot(Long organizationId, Long plotId) {
        return plots.findByIdAndOrganizationId(plotId, organizationId)
                .orElseThrow(() -> NotFoundException.plot(plotId));
    }

    @Transactional(readOnly = true)
    public Page<Plot> plots(Long organizationId, Pageable pageable) {
        return plots.findAllByOrganizationId(organizationId, pageable);
    }

    @Transactional
    public Product addProduct(Long organizationId, NewProduct request) {
        String gtin = request.gtin() == null || request.gtin().isBlank() ? null : parseGtin(request.gtin());
        if (products.existsByOrganizationIdAndNameAndVariety(organizationId, request.name(), request.variety())) {
            throw ConflictException.duplicateProduct(request.name(), request.variety());
        }
        Quantity itemSize = request.itemSize();
        return products.save(new Product(
                organizationId,
                request.name(),
                request.category(),
                request.variety(),
                gtin,
                itemSize == null ? null : itemSize.amount(),
                itemSize == null ? null : itemSize.unit().name(),
                now()));
    }

    @Transactional(readOnly = true)
    public Product product(Long organizationId, Long productId) {
        return products.findByIdAndOrganizationId(productId, organizationId)
                .orElseThrow(() -> NotFoundException.product(productId));
    }

    @Transactional(readOnly = true)
    public Page<Product> products(Long organizationId, Pageable pageable) {
        return products.findAllByOrganizationId(organizationId, pageable);
    }

    /**
     * What a batch is and where it was grown, whoever holds it now: a batch opened by a receipt carries the product
     * and plot of the batch it came from, which belong to the producer of origin, not to the holder.
     *
     * @param producer the organization that grew it (the plot's), which is the holder for a batch it grew itself
     */
    public record Origin(Product product, Plot plot, Organization producer) {}

    /** The origin of a batch the caller may already see (the batch's own organization is not checked again). */
    @Transactional(readOnly = true)
    public Origin originOf(Batch batch) {
        Product product = productOf(batch);
        Plot plot = plots.findById(batch.getPlotId()).orElseThrow();
        return new Origin(
                product, plot, organizations.findById(plot.getOrganizationId()).orElseThrow());
    }

    /**
     * The product of a batch the caller may already see: for a received batch, the producer of origin's. Read once,
     * then remembered (see {@link #productsById}).
     */
    @Transactional(readOnly = true)
    public Product productOf(Batch batch) {
        return productsById.get(
                batch.getProductId(), id -> products.findById(id).orElseThrow());
    }

    /** How much of the harvest one item of this product holds, if the producer said. */
    public static Optional<Quantity> itemSizeOf(Product product) {
        if (product.getItemSizeAmount() == null || product.getItemSizeUnit() == null) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(product.getItemSizeAmount(), QuantityUnit.valueOf(product.getItemSizeUnit())));
    }

    private static String parseGtin(String input) {
        try {
            return Gtin.parse(input).value();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.gtin(
                    "gtin", "商品条码（GTIN）“" + input + "”无效：应为8、12、13或14位数字，最后一位是校验位，请核对条码下方的数字。");
        }
    }

    private static void checkCoordinates(BigDecimal latitude, BigDecimal longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw InvalidInputException.coordinates("经纬度需同时填写，或都不填。");
        }
        if (latitude != null
                && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                        || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw InvalidInputException.coordinates("纬度应在 -90 至 90 之间，经度应在 -180 至 180 之间。");
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
