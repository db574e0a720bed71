package org.cartpath.referral.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.referral.PanelAttendee;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.referral.PanelVote;
import org.cartpath.shared.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unanimity of the voting members present (ADR 0014), as a table: who is present and voting ("A+"),
 * present without a vote ("C-"), and how each voted ("A=APPROVE"); and the weekly meeting day.
 */
class PanelRulesTest {

    @ParameterizedTest(name = "present {0}, votes {1} → approved {2}; in the way: {3}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "A+            | A=APPROVE                       | true  | none",
            "A+ B+ C+      | A=APPROVE B=APPROVE C=APPROVE   | true  | none",
            "A+ B+ C+      | A=APPROVE B=APPROVE C=DECLINE   | false | C voted decline",
            "A+ B+ C+      | A=APPROVE B=DEFER C=APPROVE     | false | B voted defer to the next meeting",
            "A+ B+ C+      | A=APPROVE B=APPROVE             | false | has not voted: C",
            "A+ B+ C-      | A=APPROVE B=APPROVE             | true  | none",
            "A+ B+         | A=REQUEST_INFORMATION           | false | A voted request more information; has not voted: B",
            "C-            | none                            | false | no voting member is recorded present",
            "none          | none                            | false | no voting member is recorded present"})
    void approvalNeedsEveryVotingMemberPresentToVoteToApprove(String present, String votes, boolean approved, String inTheWay) {
        List<PanelAttendee> attendance = new ArrayList<>();
        if (present != null) {
            for (String member : present.split(" ")) {
                attendance.add(new PanelAttendee(id(member.charAt(0)), member.substring(0, 1), member.endsWith("+"),
                        Instant.EPOCH, "chair"));
            }
        }
        List<PanelVote> cast = new ArrayList<>();
        if (votes != null) {
            for (String vote : votes.split(" ")) {
                String[] parts = vote.split("=");
                cast.add(new PanelVote(UUID.randomUUID(), UUID.randomUUID(), id(parts[0].charAt(0)), parts[0],
                        PanelOutcome.valueOf(parts[1]), null, Instant.EPOCH));
            }
        }
        Optional<PanelRules.Dissent> dissent = PanelRules.dissentFromApproval(attendance, cast);
        assertThat(dissent.isEmpty()).isEqualTo(approved);
        if (inTheWay != null) {
            assertThat(dissent.orElseThrow().describe()).isEqualTo(inTheWay);
        }
    }

    @ParameterizedTest(name = "from {0} the Wednesday meeting is {1}")
    @CsvSource({"2026-11-26, 2026-12-02", "2026-12-01, 2026-12-02", "2026-12-02, 2026-12-02", "2026-12-03, 2026-12-09",
            "2026-12-31, 2027-01-06"})
    void theWeeklyMeetingFallsOnTheNextMeetingDay(LocalDate from, LocalDate expected) {
        assertThat(PanelRules.nextMeetingDay(from, DayOfWeek.WEDNESDAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(nullValues = "none", value = {"Orlaith, Quillfeather, OQ", "  ada , de la Cruz, AD", "none, Smith, ?S"})
    void initialsAreTheFirstLetterOfEachNameOnly(String given, String family, String initials) {
        assertThat(PanelRules.initials(given, family)).isEqualTo(initials);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {"9434765919, 919", "none, none"})
    void thePanelSeesTheLastThreeDigitsOfTheNhsNumber(String nhs, String lastThree) {
        assertThat(PanelRules.lastThree(nhs)).isEqualTo(lastThree);
    }

    private static UserId id(char member) {
        return new UserId(UUID.nameUUIDFromBytes(new byte[] {(byte) member}));
    }
}
