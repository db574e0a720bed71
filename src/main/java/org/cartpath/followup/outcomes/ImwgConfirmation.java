package org.cartpath.followup.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cartpath.followup.outcomes.ImwgResponse.Category;

/**
 * Confirmation of IMWG categories across assessments (Kumar S, Paiva B, Anderson KC, et al. Lancet Oncol
 * 2016;17(8):e328–e346, Table 3 and its notes: "all response categories require two consecutive assessments made at
 * any time before the institution of any new therapy", and progressive disease likewise needs two consecutive
 * assessments). Read as docs/clinical/response-assessment.md sets out:
 *
 * <ul>
 * <li>two consecutive assessments confirm the worse of their two categories, from the date of the first of them (the
 * date the response was first met); a pair with progressive disease in only one of them confirms nothing;</li>
 * <li>progressive disease is confirmed by two consecutive assessments of progressive disease, from the first;</li>
 * <li>the best confirmed response is the best category any pair confirms, dated by the earliest such pair;</li>
 * <li>the latest assessment is unconfirmed unless it and the one before it confirm its own category.</li>
 * </ul>
 */
public final class ImwgConfirmation {

    /** One assessment: its date and its category (as recorded). */
    public record Assessed(LocalDate on, Category category) {
    }

    /** A category confirmed by the assessments on {@code from} and {@code by}. */
    public record Confirmed(Category category, LocalDate from, LocalDate by) {
    }

    /**
     * Every confirmation in date order; the best confirmed response (null if none); the first confirmed progression
     * (null if none); and whether the latest assessment still waits for its confirming successor.
     */
    public record Course(List<Confirmed> confirmations, Confirmed bestResponse, Confirmed progression,
            boolean latestUnconfirmed) {
    }

    private ImwgConfirmation() {
    }

    /** The course of the assessments (any order; same-day assessments keep the order given). */
    public static Course of(List<Assessed> assessments) {
        List<Assessed> sorted = assessments.stream().sorted(Comparator.comparing(Assessed::on)).toList();
        List<Confirmed> confirmations = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            Assessed first = sorted.get(i - 1);
            Assessed second = sorted.get(i);
            boolean firstPd = first.category() == Category.PROGRESSIVE_DISEASE;
            boolean secondPd = second.category() == Category.PROGRESSIVE_DISEASE;
            if (firstPd != secondPd) {
                continue;
            }
            Category worse = first.category().ordinal() >= second.category().ordinal() ? first.category()
                    : second.category();
            confirmations.add(new Confirmed(worse, first.on(), second.on()));
        }
        Confirmed best = null;
        Confirmed progression = null;
        for (Confirmed c : confirmations) {
            if (c.category() == Category.PROGRESSIVE_DISEASE) {
                if (progression == null) {
                    progression = c;
                }
            } else if (best == null || c.category().ordinal() < best.category().ordinal()) {
                best = c;
            }
        }
        Assessed latest = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
        boolean latestUnconfirmed = latest != null && confirmations.stream()
                .noneMatch(c -> c.by().equals(latest.on()) && c.category() == latest.category());
        return new Course(List.copyOf(confirmations), best, progression, latestUnconfirmed);
    }

    /** Whether a category is a response (partial response or better), the start of a duration of response. */
    public static boolean isResponse(Category category) {
        return category.ordinal() <= Category.PARTIAL_RESPONSE.ordinal();
    }
}
