package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The best response so far and the latest (docs/clinical/response-assessment.md), from the versions recorded. */
class ResponseHistoryTest {

    private static final LocalDate DAY_0 = LocalDate.of(2026, 3, 2);

    private static ResponseAssessment version(UUID responseId, int version, int day, ResponseFramework framework,
            String category) {
        return new ResponseAssessment(UUID.randomUUID(), responseId, version, DAY_0.plusDays(day), framework, Map.of(),
                category, category, framework.label(category), null, null, null, version > 1 ? "corrected" : null,
                "Dr Consultant", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(day * 86_400L + version));
    }

    @Test
    void bAllOrdersMrdNegativeCompleteRemissionAboveCompleteRemissionAboveCriAboveNoRemission() {
        ResponseFramework f = ResponseFramework.B_ALL;
        assertThat(List.of("MRD_NEGATIVE_COMPLETE_REMISSION", "COMPLETE_REMISSION",
                "COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY", "NO_REMISSION").stream().map(f::rank).toList())
                .containsExactly(0, 1, 2, 3);
        assertThat(ResponseFramework.IMWG_2016.rank("STRINGENT_COMPLETE_RESPONSE"))
                .isLessThan(ResponseFramework.IMWG_2016.rank("COMPLETE_RESPONSE"));
    }

    @Test
    void theBestIsTheHighestCategoryDatedByTheFirstAssessmentThatReachedItAndTheLatestIsTheLastAssessed() {
        ResponseFramework f = ResponseFramework.B_ALL;
        List<ResponseAssessment> versions = List.of(
                version(UUID.randomUUID(), 1, 14, f, "COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY"),
                version(UUID.randomUUID(), 1, 28, f, "MRD_NEGATIVE_COMPLETE_REMISSION"),
                version(UUID.randomUUID(), 1, 90, f, "MRD_NEGATIVE_COMPLETE_REMISSION"),
                version(UUID.randomUUID(), 1, 400, f, "NO_REMISSION"));

        ResponseHistory history = ResponseAssessments.summarise(versions);

        assertThat(history.best()).hasSize(1);
        assertThat(history.best().get(0).category()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(history.best().get(0).since()).isEqualTo(DAY_0.plusDays(28));
        assertThat(history.latest().category()).isEqualTo("NO_REMISSION");
    }

    @Test
    void onlyTheLatestVersionOfACorrectedAssessmentCountsButEveryVersionIsKept() {
        ResponseFramework f = ResponseFramework.B_ALL;
        UUID corrected = UUID.randomUUID();
        List<ResponseAssessment> versions = List.of(
                version(corrected, 1, 28, f, "MRD_NEGATIVE_COMPLETE_REMISSION"),
                version(corrected, 2, 28, f, "COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY"));

        ResponseHistory history = ResponseAssessments.summarise(versions);

        assertThat(history.current()).hasSize(1);
        assertThat(history.current().get(0).version()).isEqualTo(2);
        assertThat(history.versions()).hasSize(2);
        assertThat(history.best().get(0).category()).isEqualTo("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY");
    }

    @Test
    void eachFrameworkHasItsOwnBest() {
        List<ResponseAssessment> versions = List.of(
                version(UUID.randomUUID(), 1, 30, ResponseFramework.LUGANO_2014_PET, "PARTIAL_METABOLIC_RESPONSE"),
                version(UUID.randomUUID(), 1, 30, ResponseFramework.LUGANO_2014_CT, "PARTIAL_RESPONSE"),
                version(UUID.randomUUID(), 1, 90, ResponseFramework.LUGANO_2014_PET, "COMPLETE_METABOLIC_RESPONSE"));

        ResponseHistory history = ResponseAssessments.summarise(versions);

        assertThat(history.best()).extracting(ResponseHistory.BestResponse::category)
                .containsExactly("COMPLETE_METABOLIC_RESPONSE", "PARTIAL_RESPONSE");
    }

    @Test
    void noAssessmentHasNoLatestAndNoBest() {
        ResponseHistory history = ResponseAssessments.summarise(List.of());

        assertThat(history.latest()).isNull();
        assertThat(history.best()).isEmpty();
    }
}
