package org.cartpath.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error messages in words people use: the form's labels, never a Java field name. */
class FormErrorsTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            apheresisDate              | must be a date           | Apheresis date must be a date
            slotId                     | is required              | Slot is required
            slotId                     | Choose a manufacturing slot | Choose a manufacturing slot
            legs[0].expectedArrival    | must be after departure  | Leg 1: expected arrival must be after departure
            legs[11].temperatureRange  | is required              | Leg 12: temperature range is required
            weightKg                   | must be from 0.5 to 350  | Weight kg must be from 0.5 to 350
            """)
    void aFieldProblemReadsAsASentence(String field, String message, String expected) {
        assertThat(FormErrors.message(field, message, Map.of())).isEqualTo(expected);
    }

    @Test
    void theFormsOwnLabelIsUsedWhenTheFormGivesOne() {
        ProblemException refused = ProblemException.invalid(List.of(
                new ProblemException.FieldProblem("weightKg", "must be from 0.5 to 350"),
                new ProblemException.FieldProblem("slotId", "is required")));
        assertThat(FormErrors.of(refused, Map.of("weightKg", "Weight (kg)")))
                .containsEntry("weightKg", "Weight (kg) must be from 0.5 to 350")
                .containsEntry("slotId", "Slot is required");
    }

    @Test
    void aRefusalWithoutAFieldIsTheFormsError() {
        assertThat(FormErrors.of(ProblemException.conflict("stale-version", "The case changed meanwhile; reload it")))
                .containsExactly(Map.entry("form", "The case changed meanwhile; reload it"));
    }
}
