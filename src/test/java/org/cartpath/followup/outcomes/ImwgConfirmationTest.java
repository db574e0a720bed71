package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.followup.outcomes.ImwgResponse.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IMWG 2016 confirmation across consecutive assessments (Kumar et al. Lancet Oncol 2016;17:e328, Table 3: every
 * category, progression included, needs two consecutive assessments), one assessment a month from 1 January.
 */
class ImwgConfirmationTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);

    static List<ImwgConfirmation.Assessed> assessments(String categories) {
        List<ImwgConfirmation.Assessed> list = new ArrayList<>();
        String[] codes = categories.split(" ");
        for (int i = 0; i < codes.length; i++) {
            list.add(new ImwgConfirmation.Assessed(START.plusMonths(i), code(codes[i])));
        }
        return list;
    }

    static Category code(String shortCode) {
        return switch (shortCode) {
            case "sCR" -> Category.STRINGENT_COMPLETE_RESPONSE;
            case "CR" -> Category.COMPLETE_RESPONSE;
            case "VGPR" -> Category.VERY_GOOD_PARTIAL_RESPONSE;
            case "PR" -> Category.PARTIAL_RESPONSE;
            case "MR" -> Category.MINIMAL_RESPONSE;
            case "SD" -> Category.STABLE_DISEASE;
            case "PD" -> Category.PROGRESSIVE_DISEASE;
            default -> throw new IllegalArgumentException(shortCode);
        };
    }

    static final String COURSES = """
            # one assessment confirms nothing
            VGPR              | -    | -  | -  | true
            # two consecutive VGPR confirm VGPR from the first
            VGPR VGPR         | VGPR | 0  | -  | false
            # PR then VGPR confirms only PR (the worse of the two), dated from the first; the VGPR is unconfirmed
            PR VGPR           | PR   | 0  | -  | true
            # the better category is confirmed once two consecutive assessments reach it
            PR VGPR CR CR     | CR   | 2  | -  | false
            # a single CR between two VGPR is not a confirmed CR
            VGPR CR VGPR      | VGPR | 0  | -  | false
            # the latest CR waits for its confirmation
            VGPR VGPR CR      | VGPR | 0  | -  | true
            # one PD between responses is not confirmed progression, and the pair with it confirms nothing
            VGPR PD VGPR      | -    | -  | -  | true
            # two consecutive PD confirm progression from the first
            VGPR VGPR PD PD   | VGPR | 0  | 2  | false
            SD SD             | SD   | 0  | -  | false
            sCR sCR           | sCR  | 0  | -  | false
            """;

    @ParameterizedTest(name = "{0} → best confirmed {1} from month {2}; progression from month {3}; latest unconfirmed {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = COURSES, commentCharacter = '#')
    void confirmsACategoryByTwoConsecutiveAssessments(String course, String best, Integer bestMonth,
            Integer progressionMonth, boolean latestUnconfirmed) {
        ImwgConfirmation.Course c = ImwgConfirmation.of(assessments(course));
        if (best == null) {
            assertThat(c.bestResponse()).isNull();
        } else {
            assertThat(c.bestResponse().category()).isEqualTo(code(best));
            assertThat(c.bestResponse().from()).isEqualTo(START.plusMonths(bestMonth));
        }
        if (progressionMonth == null) {
            assertThat(c.progression()).isNull();
        } else {
            assertThat(c.progression().from()).isEqualTo(START.plusMonths(progressionMonth));
        }
        assertThat(c.latestUnconfirmed()).isEqualTo(latestUnconfirmed);
    }
}
