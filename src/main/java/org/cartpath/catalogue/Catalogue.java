package org.cartpath.catalogue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cartpath.catalogue.internal.BundledCatalogue;
import org.cartpath.catalogue.internal.CatalogueParameters;
import org.cartpath.catalogue.internal.LabelVersionStore;
import org.cartpath.catalogue.internal.StoredLabelVersions;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's answers for every module: products, label versions (current on a date, or by id so that
 * a case keeps the version it was assessed under) and the cell dose range a label allows. Nothing here is
 * scoped by organisation: the catalogue holds public label data, readable by any signed-in actor.
 */
@Service
public class Catalogue {

    /** The weights the dose calculator accepts, in kg: from a newborn to beyond any recorded adult. */
    public static final BigDecimal MIN_WEIGHT_KG = new BigDecimal("0.5");
    public static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("350");

    private final BundledCatalogue bundled;
    private final CatalogueParameters parameters;
    private final StoredLabelVersions versions;
    private final LabelVersionStore store;
    private final Clock clock;
    private final ZoneId zone;

    Catalogue(BundledCatalogue bundled, CatalogueParameters parameters, StoredLabelVersions versions,
            LabelVersionStore store, Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.bundled = bundled;
        this.parameters = parameters;
        this.versions = versions;
        this.store = store;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public List<Product> products() {
        return bundled.products();
    }

    public Product product(ProductCode code) {
        return bundled.product(code);
    }

    /** A product's name for people ("Kymriah") from the code records keep; an unknown code as it is. */
    public String productName(String code) {
        return Arrays.stream(ProductCode.values()).filter(p -> p.name().equals(code)).findFirst()
                .map(p -> product(p).name()).orElse(code == null ? "" : code);
    }

    /** An indication's name for people from the code records keep; an unknown code as it is. */
    public static String indicationName(String code) {
        return Arrays.stream(Indication.values()).filter(i -> i.name().equals(code)).findFirst().map(Indication::label)
                .orElse(code == null ? "" : code);
    }

    /** A product's label versions in every jurisdiction, newest first within each. */
    @Transactional(readOnly = true)
    public List<LabelVersionSummary> labelVersions(ProductCode product) {
        return store.summaries(product);
    }

    @Transactional(readOnly = true)
    public Optional<LabelVersionSummary> labelVersionSummary(String id) {
        return store.summary(id);
    }

    /** A version by id, whether or not it is still current: what a case assessed under it keeps using. */
    @Transactional(readOnly = true)
    public Optional<LabelVersion> labelVersion(String id) {
        return id == null ? Optional.empty() : versions.find(id);
    }

    /** The version in force on a day: the latest that took effect on or before it. */
    @Transactional(readOnly = true)
    public Optional<LabelVersion> currentLabelVersion(ProductCode product, Jurisdiction jurisdiction, LocalDate on) {
        return store.currentId(product, jurisdiction, on).flatMap(versions::find);
    }

    /** The version in force today (in cartpath's time zone). */
    @Transactional(readOnly = true)
    public Optional<LabelVersion> currentLabelVersion(ProductCode product, Jurisdiction jurisdiction) {
        return currentLabelVersion(product, jurisdiction, today());
    }

    /**
     * The products whose current label in the jurisdiction covers the indication: what a referrer may propose for it
     * (a product outside its label is not a CAR-T referral the national panel can approve).
     */
    @Transactional(readOnly = true)
    public List<Product> productsLicensedFor(Indication indication, Jurisdiction jurisdiction) {
        return products().stream().filter(p -> currentLabelVersion(p.code(), jurisdiction)
                .flatMap(v -> v.indication(indication)).isPresent()).toList();
    }

    /**
     * How renal function is estimated for fludarabine, by age: the catalogue's document
     * {@code catalogue/parameters/renal-function.yaml} (docs/clinical/renal-function.md).
     */
    public RenalFunctionParameters renalFunction() {
        return parameters.renalFunction();
    }

    /**
     * Follow-up defaults: the registry track a case gets and the clinic visits a centre without its own schedule
     * plans, from {@code catalogue/parameters/follow-up.yaml} (docs/clinical/follow-up-schedule.md).
     */
    public FollowUpParameters followUp() {
        return parameters.followUp();
    }

    /**
     * Tocilizumab for CRS under a label version: the version's own numbers ({@code monitoring.tocilizumab}) when it has
     * them, else the catalogue's document {@code catalogue/parameters/tocilizumab.yaml} (RoActemra SmPC 4.2), which is
     * also the answer when no label version is known (docs/clinical/tocilizumab.md).
     */
    public TocilizumabParameters tocilizumab(LabelVersion version) {
        if (version != null && version.monitoring() != null && version.monitoring().tocilizumab() != null) {
            return version.monitoring().tocilizumab().withBasis("label version " + version.id());
        }
        return parameters.tocilizumab();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The cell dose range the current label allows for a patient's weight.
     *
     * @throws ProblemException 400 for a weight outside 0.5 to 350 kg, 422 when the catalogue
     *                          holds no current label of the product in the jurisdiction, or the label no such
     *                          indication
     */
    @Transactional(readOnly = true)
    public DoseRange cellDoseRange(ProductCode product, Indication indication, Jurisdiction jurisdiction,
            BigDecimal weightKg) {
        requireWeight(weightKg);
        LabelVersion version = currentLabelVersion(product, jurisdiction).orElseThrow(() -> notInCatalogue(
                "The catalogue holds no current " + jurisdiction + " label of " + product(product).name()));
        return cellDoseRange(version, indication, weightKg);
    }

    /** The cell dose range a given label version allows: for a case that keeps the version it was assessed under. */
    public DoseRange cellDoseRange(LabelVersion version, Indication indication, BigDecimal weightKg) {
        requireWeight(weightKg);
        LabelledIndication labelled = version.indication(indication).orElseThrow(() -> notInCatalogue(
                "Label version " + version.id() + " of " + product(version.product()).name() + " (" + version.jurisdiction()
                        + ") has no indication " + indication + "; it covers " + version.indications().stream()
                        .map(i -> i.indication().name()).collect(Collectors.joining(", "))));
        DoseRange range = labelled.dose().rangeFor(weightKg);
        String basis = product(version.product()).name() + ", " + indication.label() + ", label version " + version.id()
                + ": " + range.basis();
        return new DoseRange(range.minCells(), range.maxCells(), range.targetCells(), basis);
    }

    private static void requireWeight(BigDecimal weightKg) {
        if (weightKg == null) {
            throw ProblemException.invalid("weightKg", "is required");
        }
        if (weightKg.compareTo(MIN_WEIGHT_KG) < 0 || weightKg.compareTo(MAX_WEIGHT_KG) > 0) {
            throw ProblemException.invalid("weightKg", "must be from 0.5 to 350 kg");
        }
    }

    private static ProblemException notInCatalogue(String detail) {
        return ProblemException.unprocessable("not-in-catalogue", detail);
    }
}
