package org.cartpath.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.journey.Stage;
import org.cartpath.shared.OrganisationId;

/**
 * The analyst's figures for their scope, as of {@code today}.
 *
 * @param casesByStage                every case in scope by its current stage, in journey order (ended ones too)
 * @param referralsThisMonth          referrals submitted since the first of the month (Europe/London)
 * @param infusedCases                cases with day 0 on record (infused)
 * @param medianDaysReferralToInfusion the median, over the infused cases, of the days from the referral (or, for a
 *                                    case opened without one, the case's opening) to day 0; null when none is infused
 * @param severeCrsEpisodes           CRS episodes whose highest ASTCT grade is 3 or more
 * @param openHardStops               identity mismatches (hard stops) without an effective QA override
 * @param centre                      the treating centre counted, or null for every centre
 */
public record ServiceFigures(
        LocalDate today,
        OrganisationId centre,
        Map<Stage, Long> casesByStage,
        long referralsThisMonth,
        long infusedCases,
        BigDecimal medianDaysReferralToInfusion,
        long severeCrsEpisodes,
        long openHardStops) {

    public ServiceFigures {
        casesByStage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(casesByStage));
    }

    public long totalCases() {
        return casesByStage.values().stream().mapToLong(Long::longValue).sum();
    }

    public long cases(Stage stage) {
        return casesByStage.getOrDefault(stage, 0L);
    }
}
