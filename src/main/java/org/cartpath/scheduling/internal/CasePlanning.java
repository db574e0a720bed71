package org.cartpath.scheduling.internal;

import java.util.List;
import java.util.Optional;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.planning.LeadTime;
import org.cartpath.scheduling.planning.LymphodepletionTiming;
import org.cartpath.scheduling.planning.PlanningLeadTimes;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The numbers a case's plan rests on: the label version the case was assessed under (or the one in force today
 * for its product and jurisdiction), each missing number filled from {@link PlanningDefaults} and marked so.
 */
@Component
public class CasePlanning {

    /** What a case is planned with, and which label version supplied it (null: defaults only). */
    public record Basis(ProductCode product, String labelVersionId, PlanningLeadTimes leadTimes,
            LymphodepletionTiming lymphodepletion) {

        /** Whether any number of the plan comes from scheduling's defaults rather than the label. */
        public boolean usesDefaults() {
            return leadTimes.shippingToSite().isDefault() || leadTimes.manufacturing().isDefault()
                    || leadTimes.releaseTesting().isDefault() || leadTimes.returnShipping().isDefault()
                    || leadTimes.lymphodepletionAfterReceipt().isDefault() || leadTimes.inpatientDays().isDefault()
                    || lymphodepletion.isDefault();
        }
    }

    private final Catalogue catalogue;
    private final PlanningDefaults defaults;

    CasePlanning(Catalogue catalogue, PlanningDefaults defaults) {
        this.catalogue = catalogue;
        this.defaults = defaults;
    }

    public Basis basis(TherapyCase therapyCase) {
        return basis(therapyCase.reference(), therapyCase.productCode(), therapyCase.indication(),
                therapyCase.jurisdiction(), therapyCase.labelVersionId());
    }

    /** The basis of a case known by its planning keys (as a waitlist entry keeps them). */
    public Basis basis(String reference, String productCode, String indicationCode, String jurisdictionCode,
            String labelVersionId) {
        ProductCode product = product(productCode)
                .orElseThrow(() -> ProblemException.unprocessable("case-without-product", "Case " + reference
                        + " has no product yet: assign the product before booking a slot"));
        Optional<LabelVersion> version = labelVersionId != null ? catalogue.labelVersion(labelVersionId)
                : jurisdiction(jurisdictionCode).flatMap(j -> catalogue.currentLabelVersion(product, j));
        PlanningDefaults.ProductDefaults fallback = defaults.product(product);
        String id = version.map(LabelVersion::id).orElse(null);
        var label = version.map(LabelVersion::leadTimes).orElse(null);
        PlanningLeadTimes times = new PlanningLeadTimes(
                pick(label == null ? null : label.shippingToManufacturingSiteDays(), id, fallback.shippingToSite()),
                pick(label == null ? null : label.manufacturingDays(), id, fallback.manufacturing()),
                pick(label == null ? null : label.releaseTestingDays(), id, fallback.releaseTesting()),
                pick(label == null ? null : label.returnShippingDays(), id, fallback.returnShipping()),
                defaults.lymphodepletionAfterReceipt(), defaults.inpatientDays());
        LymphodepletionTiming timing = version.flatMap(v -> indication(indicationCode).flatMap(v::indication))
                .flatMap(labelled -> timing(labelled, id)).orElse(defaults.fallbackLymphodepletion());
        return new Basis(product, id, times, timing);
    }

    /** A label number when it has one, else the default. */
    private static LeadTime pick(SourcedNumber number, String versionId, LeadTime fallback) {
        if (number != null && number.present() && number.value().stripTrailingZeros().scale() <= 0) {
            return LeadTime.fromLabel(number.intValue(), "label " + versionId + ": " + number.source()
                    + (number.check() ? " (check)" : ""));
        }
        return fallback;
    }

    /**
     * The first regimen of the label for the indication. With days counted back from the infusion (e.g. −5 to
     * −3) the infusion is exactly {@code −last} days after the last chemotherapy day; with days counted from the
     * first chemotherapy day the label's infusion window applies.
     */
    static Optional<LymphodepletionTiming> timing(LabelledIndication labelled, String versionId) {
        List<LymphodepletionRegimen> regimens = labelled.lymphodepletion();
        if (regimens.isEmpty()) {
            return Optional.empty();
        }
        LymphodepletionRegimen regimen = regimens.get(0);
        List<Integer> days = regimen.agents().stream().flatMap(a -> a.days().stream()).toList();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        int first = days.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int last = days.stream().mapToInt(Integer::intValue).max().orElseThrow();
        String source = "label " + versionId + ": " + regimen.source();
        if (regimen.dayReference() == LymphodepletionRegimen.DayReference.INFUSION) {
            if (last >= 0) {
                return Optional.empty();
            }
            return Optional.of(new LymphodepletionTiming(regimen.name(), last - first, -last, -last, source, false));
        }
        LymphodepletionRegimen.InfusionWindow window = regimen.infusionWindow();
        if (window == null || !present(window.fromDays()) || !present(window.toDays())) {
            return Optional.empty();
        }
        return Optional.of(new LymphodepletionTiming(regimen.name(), last - first, window.fromDays().intValue(),
                window.toDays().intValue(), source, false));
    }

    private static boolean present(SourcedNumber number) {
        return number != null && number.present();
    }

    static Optional<ProductCode> product(String code) {
        return parse(ProductCode.class, code);
    }

    private static Optional<Indication> indication(String code) {
        return parse(Indication.class, code);
    }

    private static Optional<Jurisdiction> jurisdiction(String code) {
        return parse(Jurisdiction.class, code);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
