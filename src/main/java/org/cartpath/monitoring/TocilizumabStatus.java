package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.catalogue.TocilizumabParameters;

/**
 * Tocilizumab for a case now: the dose for the latest weight (empty without a weight), the doses given, and
 * when the next may be given.
 *
 * @param dosesInEpisode   doses given since the current CRS course began (the last CRS resolution, or infusion)
 * @param earliestNextAt   the earliest time the spacing rules allow a further dose; empty when the episode's
 *                         4 doses have been given
 * @param nextDose         the same in words, with the rule that decides it
 * @param parameters       the numbers the dose and the rules were read from: the case's label version, or the
 *                         catalogue's tocilizumab document (docs/clinical/tocilizumab.md)
 */
public record TocilizumabStatus(
        BigDecimal weightKg,
        LocalDate weightMeasuredOn,
        BigDecimal doseMg,
        Integer mgPerKg,
        boolean capped,
        List<TocilizumabDoseGiven> doses,
        int dosesInEpisode,
        Instant courseStart,
        Instant earliestNextAt,
        boolean mayGiveNow,
        String nextDose,
        TocilizumabParameters parameters) {

    public boolean anyOverridden() {
        return doses.stream().anyMatch(TocilizumabDoseGiven::overridden);
    }
}
