package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The triage of a referral: which status allows which step, and what it leads to. */
class ReferralTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    static Referral in(ReferralStatus status) {
        return new Referral(ReferralId.random(), CaseId.random(), UUID.randomUUID(), OrganisationId.random(),
                OrganisationId.random(), "u1", "Dr Raman", "KYMRIAH", "B_ALL", "UK", Urgency.URGENT, "Summary", status,
                status == ReferralStatus.DECLINED ? "Reason" : null, 3, AT, AT);
    }

    static Stream<Arguments> steps() {
        UnaryOperator<Referral> accept = r -> r.accept(AT);
        UnaryOperator<Referral> decline = r -> r.decline("Not eligible", AT);
        UnaryOperator<Referral> ask = r -> r.requestInformation(AT);
        UnaryOperator<Referral> answer = r -> r.answered(AT);
        return Stream.of(
                Arguments.of("accept", accept, ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED),
                Arguments.of("accept", accept, ReferralStatus.MORE_INFORMATION_REQUESTED, null),
                Arguments.of("accept", accept, ReferralStatus.ACCEPTED, null),
                Arguments.of("accept", accept, ReferralStatus.DECLINED, null),
                Arguments.of("decline", decline, ReferralStatus.SUBMITTED, ReferralStatus.DECLINED),
                Arguments.of("decline", decline, ReferralStatus.MORE_INFORMATION_REQUESTED, null),
                Arguments.of("decline", decline, ReferralStatus.ACCEPTED, null),
                Arguments.of("decline", decline, ReferralStatus.DECLINED, null),
                Arguments.of("ask", ask, ReferralStatus.SUBMITTED, ReferralStatus.MORE_INFORMATION_REQUESTED),
                Arguments.of("ask", ask, ReferralStatus.MORE_INFORMATION_REQUESTED, null),
                Arguments.of("ask", ask, ReferralStatus.ACCEPTED, null),
                Arguments.of("ask", ask, ReferralStatus.DECLINED, null),
                Arguments.of("answer", answer, ReferralStatus.SUBMITTED, null),
                Arguments.of("answer", answer, ReferralStatus.MORE_INFORMATION_REQUESTED, ReferralStatus.SUBMITTED),
                Arguments.of("answer", answer, ReferralStatus.ACCEPTED, null),
                Arguments.of("answer", answer, ReferralStatus.DECLINED, null));
    }

    @ParameterizedTest(name = "{0} from {2}")
    @MethodSource("steps")
    void eachStepIsAllowedFromOneStatusOnly(String step, UnaryOperator<Referral> action, ReferralStatus from,
            ReferralStatus to) {
        Referral before = in(from);
        if (to == null) {
            assertThatThrownBy(() -> action.apply(before)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.properties()).containsEntry("currentStatus", from.name());
            });
            return;
        }
        Referral after = action.apply(before);
        assertThat(after.status()).isEqualTo(to);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.declineReason()).isEqualTo(to == ReferralStatus.DECLINED ? "Not eligible" : null);
    }

    @ParameterizedTest(name = "files in {0}")
    @org.junit.jupiter.params.provider.EnumSource(ReferralStatus.class)
    void filesMayBeAddedUntilTheReferralIsDeclined(ReferralStatus status) {
        if (status == ReferralStatus.DECLINED) {
            assertThatThrownBy(() -> in(status).requireOpenForFiles()).isInstanceOf(ProblemException.class);
        } else {
            in(status).requireOpenForFiles();
        }
    }
}
