package org.cartpath.monitoring.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.MonitoringParameters;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.TocilizumabParameters;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.LabelDate;
import org.cartpath.monitoring.MonitoringAnchor;
import org.cartpath.monitoring.MonitoringDates;
import org.cartpath.monitoring.grading.IcansParameters;
import org.cartpath.monitoring.rules.AssessmentSchedule;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * What a case's label version says about monitoring: the dates after infusion, the daily period of the
 * schedule, the tocilizumab doses to hold and the ICANS tool's age limits. A number the catalogue lacks is
 * shown as missing, and where cartpath must still act (the schedule, the ICANS tool) the default it uses
 * is named as a default.
 */
@Component
public class MonitoringLabels {

    private final Catalogue catalogue;
    private final MonitoringSettings settings;

    MonitoringLabels(Catalogue catalogue, MonitoringSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /**
     * The label version a case is monitored under: the one it was assessed under, or else the one in force on
     * day 0 for its product and jurisdiction (or, when none was yet, the one in force today: a label added to
     * the catalogue after an infusion still applies rather than leaving the patient unmonitored). An unknown
     * product, jurisdiction or indication, or a label without the indication, is refused naming the field (422
     * {@code not-in-catalogue}).
     */
    public LabelVersion forCase(TherapyCase therapyCase, LocalDate dayZero) {
        ProductCode product = known(ProductCode.class, therapyCase.productCode(), "productCode", "product");
        Jurisdiction jurisdiction = known(Jurisdiction.class, therapyCase.jurisdiction(), "jurisdiction", "jurisdiction");
        Indication indication = known(Indication.class, therapyCase.indication(), "indication", "indication");
        LabelVersion version = therapyCase.labelVersionId() != null
                ? catalogue.labelVersion(therapyCase.labelVersionId()).orElseThrow(() -> notInCatalogue("labelVersionId",
                        "label version " + therapyCase.labelVersionId() + " is not in the catalogue"))
                : catalogue.currentLabelVersion(product, jurisdiction, dayZero)
                        .or(() -> catalogue.currentLabelVersion(product, jurisdiction))
                        .orElseThrow(() -> notInCatalogue("productCode", "the catalogue holds no " + jurisdiction
                                + " label of " + product + " in force on " + dayZero + " or today"));
        if (version.indication(indication).isEmpty()) {
            throw notInCatalogue("indication", "label version " + version.id() + " has no indication " + indication);
        }
        return version;
    }

    /** The label version of a started case (kept in its anchor). */
    public LabelVersion of(MonitoringAnchor anchor) {
        return catalogue.labelVersion(anchor.labelVersionId()).orElseThrow(() -> new IllegalStateException(
                "label version " + anchor.labelVersionId() + " of case " + anchor.caseReference() + " is missing"));
    }

    /** The label version of a case that may not be started yet, or null when the catalogue has none for it. */
    public LabelVersion ofCaseIfKnown(TherapyCase therapyCase, LocalDate on) {
        try {
            return forCase(therapyCase, on);
        } catch (ProblemException e) {
            return null;
        }
    }

    /** The label's CAPD age limits, each falling back to the guideline default when the catalogue has none. */
    public IcansParameters icansParameters(LabelVersion version) {
        MonitoringParameters m = version.monitoring();
        int below = m != null && m.capdBelowAgeYears() != null && m.capdBelowAgeYears().present()
                ? m.capdBelowAgeYears().intValue() : IcansParameters.DEFAULT.capdBelowAgeYears();
        int delay = m != null && m.capdDevelopmentalDelayMaxAgeYears() != null
                && m.capdDevelopmentalDelayMaxAgeYears().present()
                ? m.capdDevelopmentalDelayMaxAgeYears().intValue()
                : IcansParameters.DEFAULT.capdWithDevelopmentalDelayUpToAgeYears();
        return new IcansParameters(below, delay);
    }

    public MonitoringDates dates(MonitoringAnchor anchor) {
        LabelVersion version = of(anchor);
        MonitoringParameters m = version.monitoring();
        LabelDate daily = date(anchor.dayZero(), m == null ? null : m.dailyMonitoringDays());
        AssessmentSchedule schedule = schedule(anchor);
        boolean isDefault = !daily.known();
        String words = "Daily to day " + schedule.dailyDays()
                + (isDefault ? " (cartpath's default: the catalogue has no daily monitoring period for this label)"
                        : " (label)")
                + ", then every " + schedule.thenEveryDays() + " days to day " + schedule.untilDay()
                + " (the centre's default)";
        return new MonitoringDates(version.id(), daily, date(anchor.dayZero(), m == null ? null : m.monitoringDays()),
                date(anchor.dayZero(), m == null ? null : m.stayNearCentreDays()),
                date(anchor.dayZero(), m == null ? null : m.noDrivingDays()), words, isDefault);
    }

    public AssessmentSchedule schedule(MonitoringAnchor anchor) {
        MonitoringParameters m = of(anchor).monitoring();
        SourcedNumber daily = m == null ? null : m.dailyMonitoringDays();
        int dailyDays = daily != null && daily.present() ? daily.intValue() : settings.schedule().defaultDailyDays();
        return new AssessmentSchedule(anchor.dayZero(), dailyDays, settings.schedule().thenEveryDays(),
                settings.schedule().untilDay());
    }

    /** Doses of tocilizumab the label asks to hold on site, or the catalogue's note when it has no number. */
    public SourcedNumber tocilizumabDosesOnSite(LabelVersion version) {
        MonitoringParameters m = version == null ? null : version.monitoring();
        if (m == null || m.tocilizumabDosesOnSite() == null) {
            return SourcedNumber.absent("The catalogue has no tocilizumab requirement for this label version");
        }
        return m.tocilizumabDosesOnSite();
    }

    /**
     * Tocilizumab for CRS under a label version (null when none is known): its own numbers, else the catalogue's
     * tocilizumab document (docs/clinical/tocilizumab.md).
     */
    public TocilizumabParameters tocilizumab(LabelVersion version) {
        return catalogue.tocilizumab(version);
    }

    private static LabelDate date(LocalDate dayZero, SourcedNumber days) {
        if (days == null || !days.present()) {
            return new LabelDate(null, null, null, false, days == null ? "Not in the catalogue" : days.note());
        }
        return new LabelDate(dayZero.plusDays(days.intValue()), days.intValue(), days.source(), days.check(),
                days.note());
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw notInCatalogue(field, "the case has no " + what + " yet; it is needed to know the label");
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw notInCatalogue(field, "'" + value + "' is not a " + what + " the catalogue knows");
    }

    private static ProblemException notInCatalogue(String field, String message) {
        return new ProblemException("not-in-catalogue", 422, "The request breaks a rule", field + ": " + message,
                List.of(new FieldProblem(field, message)), Map.of());
    }
}
