package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.cartpath.followup.OutcomeEvent.AntigenStatus;
import org.cartpath.followup.OutcomeEvent.DeathCause;
import org.cartpath.followup.OutcomeEvent.InformationSource;
import org.cartpath.followup.OutcomeEvent.Kind;
import org.cartpath.followup.OutcomeEvent.MalignancyType;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of what a visit outcome and an outcome event may say (docs/clinical/follow-up.md), as tables. */
class FollowUpOutcomeRulesTest {

    static final LocalDate ZERO = LocalDate.of(2026, 3, 2);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final LocalDate DIED = LocalDate.of(2026, 11, 1);

    static Stream<Arguments> visits() {
        return Stream.of(
                Arguments.of(true, ZERO, null, null),
                Arguments.of(true, TODAY, null, null),
                Arguments.of(false, ZERO.plusDays(7), "Seen in Leeds", null),
                Arguments.of(false, ZERO.plusDays(7), null, "reason"),
                Arguments.of(false, ZERO.plusDays(7), "  ", "reason"),
                Arguments.of(true, ZERO.minusDays(1), null, "on"),
                Arguments.of(true, TODAY.plusDays(1), null, "on"),
                Arguments.of(true, null, null, "on"),
                Arguments.of(null, ZERO, null, "attended"),
                Arguments.of(false, ZERO, "x".repeat(4_001), "reason"));
    }

    @ParameterizedTest
    @MethodSource("visits")
    void aVisitOutcomeIsRefusedNamingTheFieldAtFault(Boolean attended, LocalDate on, String reason, String field) {
        ClinicVisits.Outcome outcome = new ClinicVisits.Outcome(attended, on, reason);
        if (field == null) {
            assertThatCode(() -> ClinicVisits.check(outcome, ZERO, TODAY)).doesNotThrowAnyException();
        } else {
            ProblemException refused = catchThrowableOfType(ProblemException.class,
                    () -> ClinicVisits.check(outcome, ZERO, TODAY));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.fieldProblems()).extracting(ProblemException.FieldProblem::field).containsExactly(field);
        }
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(death(ZERO, DeathCause.INFECTION, null), null, null),
                Arguments.of(death(TODAY, DeathCause.OTHER, "Road traffic accident"), null, null),
                Arguments.of(death(ZERO.minusDays(1), DeathCause.INFECTION, null), null, "occurredOn"),
                Arguments.of(death(TODAY.plusDays(1), DeathCause.INFECTION, null), null, "occurredOn"),
                Arguments.of(death(ZERO, null, null), null, "cause"),
                Arguments.of(death(ZERO, DeathCause.OTHER, " "), null, "causeDetail"),
                Arguments.of(relapse("CD19", AntigenStatus.NEGATIVE, DIED), DIED, null),
                Arguments.of(relapse("CD19", AntigenStatus.NEGATIVE, DIED.plusDays(1)), DIED, "occurredOn"),
                Arguments.of(relapse("CD22", AntigenStatus.NEGATIVE, DIED), null, "targetAntigen"),
                Arguments.of(relapse(null, AntigenStatus.NEGATIVE, DIED), null, "targetAntigen"),
                Arguments.of(relapse("BCMA", null, DIED), null, "antigenStatus"),
                Arguments.of(relapse(null, null, DIED), null, null),
                Arguments.of(new OutcomeEvents.Entry(Kind.SECOND_MALIGNANCY, DIED, InformationSource.GP, null, null,
                        null, null, null, null, null, null), null, "malignancyType"),
                Arguments.of(new OutcomeEvents.Entry(Kind.SECOND_MALIGNANCY, DIED, InformationSource.GP, null, null,
                        null, null, null, null, MalignancyType.T_CELL, null), null, null),
                Arguments.of(new OutcomeEvents.Entry(Kind.ALIVE, DIED, null, null, null, null, null, null, null, null,
                        null), null, "source"),
                Arguments.of(new OutcomeEvents.Entry(null, DIED, InformationSource.GP, null, null, null, null, null,
                        null, null, null), null, "kind"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void anOutcomeEventIsRefusedNamingTheFieldAtFault(OutcomeEvents.Entry entry, LocalDate died, String field) {
        if (field == null) {
            assertThatCode(() -> OutcomeEvents.check(entry, ZERO, TODAY, died)).doesNotThrowAnyException();
        } else {
            ProblemException refused = catchThrowableOfType(ProblemException.class,
                    () -> OutcomeEvents.check(entry, ZERO, TODAY, died));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.fieldProblems()).extracting(ProblemException.FieldProblem::field).containsExactly(field);
        }
    }

    private static OutcomeEvents.Entry death(LocalDate on, DeathCause cause, String detail) {
        return new OutcomeEvents.Entry(Kind.DEATH, on, InformationSource.DEATH_CERTIFICATE, null, null, null, null,
                cause, detail, null, null);
    }

    private static OutcomeEvents.Entry relapse(String antigen, AntigenStatus status, LocalDate on) {
        return new OutcomeEvents.Entry(Kind.RELAPSE, on, InformationSource.CLINIC_VISIT, null, "marrow", antigen,
                status, null, null, null, null);
    }
}
