package org.cartpath.catalogue.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cartpath.catalogue.FollowUpParameters;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.catalogue.RenalFunctionParameters.BandBasis;
import org.cartpath.catalogue.RenalFunctionParameters.PaediatricEstimate;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.TocilizumabParameters;
import org.cartpath.catalogue.internal.YamlObject.Kind;

/**
 * Reads the catalogue's clinical parameter documents, as strictly as label versions: unknown fields, numbers without
 * a source and impossible values are refused with the path of the field at fault.
 */
public final class ParameterReader {

    /** µmol/L per mg/dL of creatinine (molar mass 113.12 g/mol). */
    static final BigDecimal UMOL_PER_MG_DL = new BigDecimal("88.4");

    private ParameterReader() {
    }

    /** A {@code tocilizumab} section: every number is required and must have a value. */
    static TocilizumabParameters tocilizumab(YamlObject t, String basis) {
        t.allow("mgPerKg", "mgPerKgBelowWeight", "lowerRateFromKg", "maxDoseMg", "minIntervalHours",
                "maxDosesIn24Hours", "maxDosesPerEpisode");
        SourcedNumber mgPerKg = valued(t, "mgPerKg", Kind.POSITIVE_WHOLE);
        SourcedNumber below = valued(t, "mgPerKgBelowWeight", Kind.POSITIVE_WHOLE);
        SourcedNumber from = valued(t, "lowerRateFromKg", Kind.POSITIVE);
        SourcedNumber cap = valued(t, "maxDoseMg", Kind.POSITIVE);
        SourcedNumber interval = valued(t, "minIntervalHours", Kind.POSITIVE);
        if (interval.value().multiply(BigDecimal.valueOf(60)).stripTrailingZeros().scale() > 0) {
            throw t.invalid("minIntervalHours", "must be a whole number of minutes");
        }
        SourcedNumber in24 = valued(t, "maxDosesIn24Hours", Kind.POSITIVE_WHOLE);
        SourcedNumber perEpisode = valued(t, "maxDosesPerEpisode", Kind.POSITIVE_WHOLE);
        if (in24.value().compareTo(perEpisode.value()) > 0) {
            throw t.invalid("maxDosesIn24Hours", "must not be more than maxDosesPerEpisode");
        }
        return new TocilizumabParameters(mgPerKg, below, from, cap, interval, in24, perEpisode, basis);
    }

    /** The catalogue's tocilizumab document: an id, its source document, and the numbers. */
    public static TocilizumabParameters tocilizumabDocument(String text) {
        YamlObject root = YamlObject.root(CatalogueYaml.parse(text)).allow("id", "title", "url", "tocilizumab");
        String id = root.text("id");
        root.text("title");
        return tocilizumab(root.object("tocilizumab"), "the catalogue's tocilizumab document " + id);
    }

    /** The catalogue's follow-up defaults: the registry track of a case and the default clinic visits. */
    public static FollowUpParameters followUp(String text) {
        YamlObject root = YamlObject.root(CatalogueYaml.parse(text)).allow("id", "title", "registryTrack",
                "clinicVisits");
        String id = root.text("id");
        root.text("title");
        YamlObject track = root.object("registryTrack").allow("geneticallyModifiedCommercial", "source");
        String name = track.text("geneticallyModifiedCommercial");
        if (!java.util.Set.of("CIBMTR_15_YEAR", "CIBMTR_STANDARD", "CIBMTR_100_DAY_ONLY", "EBMT").contains(name)) {
            throw track.invalid("geneticallyModifiedCommercial",
                    "must be CIBMTR_15_YEAR, CIBMTR_STANDARD, CIBMTR_100_DAY_ONLY or EBMT");
        }
        YamlObject visits = root.object("clinicVisits").allow("days", "yearlyToYear", "source");
        java.util.List<Integer> days = visits.wholeNumbers("days");
        int previous = 0;
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i) <= previous) {
                throw new InvalidCatalogueDocument(visits.pathOf("days") + "[" + i + "]",
                        "must be after day 0 and after the day before it");
            }
            previous = days.get(i);
        }
        SourcedNumber years = valued(visits, "yearlyToYear", Kind.NON_NEGATIVE_WHOLE);
        if (years.intValue() > 15) {
            throw visits.invalid("yearlyToYear", "must be 15 at most");
        }
        return new FollowUpParameters(id, name, track.text("source"), days, years.intValue(), visits.text("source"));
    }

    /** The catalogue's renal function document. */
    public static RenalFunctionParameters renalFunction(String text) {
        YamlObject r = YamlObject.root(CatalogueYaml.parse(text)).allow("id", "title", "adultFromAgeYears",
                "paediatricEstimate", "paediatricEstimateSource", "schwartzConstantMgPerDl", "schwartzConstantUmolPerL",
                "paediatricEstimateFromAgeYears", "paediatricBands", "paediatricBandsSource");
        String id = r.text("id");
        r.text("title");
        SourcedNumber adult = valued(r, "adultFromAgeYears", Kind.POSITIVE_WHOLE);
        PaediatricEstimate estimate = r.has("paediatricEstimate")
                ? r.choice("paediatricEstimate", PaediatricEstimate.class) : null;
        String estimateSource = r.text("paediatricEstimateSource");
        SourcedNumber mgPerDl = valued(r, "schwartzConstantMgPerDl", Kind.POSITIVE);
        SourcedNumber umol = valued(r, "schwartzConstantUmolPerL", Kind.POSITIVE);
        // the two constants must be the same equation: k(µmol/L) = k(mg/dL) × 88.4, to the constant's precision
        BigDecimal expected = mgPerDl.value().multiply(UMOL_PER_MG_DL).setScale(umol.value().scale(), RoundingMode.HALF_UP);
        if (expected.compareTo(umol.value()) != 0) {
            throw r.invalid("schwartzConstantUmolPerL", "must be schwartzConstantMgPerDl × 88.4 ("
                    + expected.toPlainString() + ")");
        }
        SourcedNumber from = valued(r, "paediatricEstimateFromAgeYears", Kind.NON_NEGATIVE_WHOLE);
        if (from.value().compareTo(adult.value()) >= 0) {
            throw r.invalid("paediatricEstimateFromAgeYears", "must be below adultFromAgeYears");
        }
        BandBasis bands = r.choice("paediatricBands", BandBasis.class);
        return new RenalFunctionParameters(id, adult, estimate, estimateSource, mgPerDl, umol, from, bands,
                r.text("paediatricBandsSource"));
    }

    private static SourcedNumber valued(YamlObject o, String key, Kind kind) {
        SourcedNumber n = o.number(key, kind);
        if (!n.present()) {
            throw o.invalid(key, "needs a value: cartpath calculates with it");
        }
        return n;
    }
}
