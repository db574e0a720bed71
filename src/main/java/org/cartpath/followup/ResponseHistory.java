package org.cartpath.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case's response assessments: the current version of each ({@code current}, by date assessed), every version
 * ever recorded ({@code versions}, corrections included), the latest assessment, and the best response so far per
 * framework with the date it was first reached.
 */
public record ResponseHistory(List<ResponseAssessment> current, List<ResponseAssessment> versions,
        ResponseAssessment latest, List<BestResponse> best) {

    /** The best category of a framework among the current assessments, and the first date it was assessed. */
    public record BestResponse(ResponseFramework framework, String category, String categoryLabel, LocalDate since,
            UUID responseId) {
    }
}
