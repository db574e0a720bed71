package org.cartpath.catalogue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Tocilizumab for cytokine release syndrome: the dose by weight, its cap, the spacing of doses and how many may be
 * given (docs/clinical/tocilizumab.md). The numbers come from a label version's {@code monitoring.tocilizumab} when it
 * has one, else from the catalogue's own document, {@code catalogue/parameters/tocilizumab.yaml} (RoActemra SmPC,
 * section 4.2, "Cytokine release syndrome (CRS) (adults and paediatrics)").
 *
 * @param mgPerKg                the dose from {@code lowerRateFromKg} up, in mg per kg (8)
 * @param mgPerKgBelowWeight     the dose below {@code lowerRateFromKg}, in mg per kg (12)
 * @param lowerRateFromKg        the weight from which {@code mgPerKg} applies (30 kg: 29.9 kg is dosed at 12 mg/kg)
 * @param maxDoseMg              no single dose above this (800 mg)
 * @param minIntervalHours       the least time between consecutive doses (8 hours: a dose exactly 8 hours later is
 *                               allowed)
 * @param maxDosesIn24Hours      at most this many doses in any 24 hours (3)
 * @param maxDosesPerEpisode     at most this many doses in a CRS episode (4)
 * @param basis                  where the numbers come from: the label version's id, or the catalogue's document
 */
public record TocilizumabParameters(
        SourcedNumber mgPerKg,
        SourcedNumber mgPerKgBelowWeight,
        SourcedNumber lowerRateFromKg,
        SourcedNumber maxDoseMg,
        SourcedNumber minIntervalHours,
        SourcedNumber maxDosesIn24Hours,
        SourcedNumber maxDosesPerEpisode,
        String basis) {

    public TocilizumabParameters {
        for (SourcedNumber n : new SourcedNumber[] {mgPerKg, mgPerKgBelowWeight, lowerRateFromKg, maxDoseMg,
                minIntervalHours, maxDosesIn24Hours, maxDosesPerEpisode}) {
            if (n == null || !n.present()) {
                throw new IllegalArgumentException("every tocilizumab parameter needs a value");
            }
        }
    }

    /** The same numbers, said to come from {@code basis}. */
    public TocilizumabParameters withBasis(String basis) {
        return new TocilizumabParameters(mgPerKg, mgPerKgBelowWeight, lowerRateFromKg, maxDoseMg, minIntervalHours,
                maxDosesIn24Hours, maxDosesPerEpisode, basis);
    }

    public BigDecimal maxDose() {
        return maxDoseMg.value();
    }

    public Duration minInterval() {
        return Duration.ofMinutes(minIntervalHours.value().multiply(BigDecimal.valueOf(60)).longValueExact());
    }

    public int maxIn24Hours() {
        return maxDosesIn24Hours.intValue();
    }

    public int maxPerEpisode() {
        return maxDosesPerEpisode.intValue();
    }
}
