package org.cartpath.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Steroid guidance by grade (ASCO 2021; docs/clinical/steroids.md): decision support text, every grade covered. */
class SteroidGuidanceTest {

    static Stream<Arguments> crs() {
        return Stream.of(Arguments.of(0, "No CRS"), Arguments.of(1, "names no steroid"), Arguments.of(2, "names no steroid"),
                Arguments.of(3, "Dexamethasone 10 mg IV every 6 hours"),
                Arguments.of(4, "Methylprednisolone 500 mg IV every 12 hours, then a taper"),
                Arguments.of(5, "no steroid guidance"));
    }

    static Stream<Arguments> icans() {
        return Stream.of(Arguments.of(0, "No ICANS"), Arguments.of(1, "names no steroid"),
                Arguments.of(2, "Consider dexamethasone 10 mg IV"),
                Arguments.of(3, "Dexamethasone 10 mg IV every 6 to 12 hours"),
                Arguments.of(4, "High-dose methylprednisolone (1 g a day)"));
    }

    @ParameterizedTest
    @MethodSource("crs")
    void crsGuidance(int grade, String text) {
        assertThat(SteroidGuidance.forGrades(grade, null)).singleElement()
                .satisfies(line -> {
                    assertThat(line.syndrome()).isEqualTo("CRS");
                    assertThat(line.guidance()).contains(text);
                    assertThat(line.source()).contains("ASCO 2021");
                });
    }

    @ParameterizedTest
    @MethodSource("icans")
    void icansGuidance(int grade, String text) {
        assertThat(SteroidGuidance.forGrades(null, grade)).singleElement()
                .satisfies(line -> assertThat(line.guidance()).contains(text));
    }

    @Test
    void bothSyndromesAreShownAndTheDisclaimerSaysItIsNeverAnOrder() {
        assertThat(SteroidGuidance.forGrades(3, 2)).extracting(SteroidGuidance.Line::syndrome).containsExactly("CRS", "ICANS");
        assertThat(SteroidGuidance.forGrades(null, null)).isEmpty();
        assertThat(SteroidGuidance.DISCLAIMER).contains("never orders");
    }
}
