package org.cartpath.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.followup.outcomes.ImwgConfirmation;

/**
 * A case's response assessments: the current version of each ({@code current}, by date assessed), every version
 * ever recorded ({@code versions}, corrections included), the latest assessment, and the best response so far per
 * framework with the date it was first reached; for myeloma the IMWG confirmation across consecutive assessments
 * ({@code imwg}, null without an IMWG assessment), and the duration of response per framework ({@code durations}).
 */
public record ResponseHistory(List<ResponseAssessment> current, List<ResponseAssessment> versions,
        ResponseAssessment latest, List<BestResponse> best, ImwgConfirmation.Course imwg,
        List<DurationOfResponse> durations) {

    /** An IMWG category in words. */
    public String imwgLabel(org.cartpath.followup.outcomes.ImwgResponse.Category category) {
        return ResponseFramework.IMWG_2016.label(category.name());
    }

    /** The earlier versions of an assessment, newest first (its correction history). */
    public List<ResponseAssessment> earlierVersions(ResponseAssessment a) {
        return versions.stream().filter(v -> v.responseId().equals(a.responseId()) && v.version() < a.version())
                .sorted(java.util.Comparator.comparingInt(ResponseAssessment::version).reversed()).toList();
    }

    /** The best category of a framework among the current assessments, and the first date it was assessed. */
    public record BestResponse(ResponseFramework framework, String category, String categoryLabel, LocalDate since,
            UUID responseId) {
    }
}
