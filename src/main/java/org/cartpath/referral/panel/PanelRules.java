package org.cartpath.referral.panel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cartpath.referral.PanelAttendee;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.referral.PanelVote;
import org.cartpath.shared.UserId;

/**
 * The panel's rules, plain Java. Approval needs unanimity of the voting members present (ADR 0014):
 * at least one voting member present, every one of them has voted, and every vote is to approve. Members
 * present but not voting (an interest declared) do not count.
 */
public final class PanelRules {

    /** Why an approval is refused: who voted otherwise, and who has not voted yet. */
    public record Dissent(List<String> votedOtherwise, List<String> notVoted) {

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!votedOtherwise.isEmpty()) {
                parts.add(String.join(", ", votedOtherwise));
            }
            if (!notVoted.isEmpty()) {
                parts.add((notVoted.size() == 1 ? "has not voted: " : "have not voted: ") + String.join(", ", notVoted));
            }
            return parts.isEmpty() ? "no voting member is recorded present" : String.join("; ", parts);
        }
    }

    private PanelRules() {
    }

    /** Empty when the votes are a unanimous approval; otherwise what stands in the way. */
    public static Optional<Dissent> dissentFromApproval(List<PanelAttendee> attendance, List<PanelVote> votes) {
        Map<UserId, PanelVote> byMember = votes.stream().collect(Collectors.toMap(PanelVote::memberId, Function.identity()));
        List<String> otherwise = new ArrayList<>();
        List<String> notVoted = new ArrayList<>();
        List<PanelAttendee> voting = attendance.stream().filter(PanelAttendee::voting).toList();
        for (PanelAttendee member : voting) {
            PanelVote vote = byMember.get(member.memberId());
            if (vote == null) {
                notVoted.add(member.name());
            } else if (vote.vote() != PanelOutcome.APPROVE) {
                otherwise.add(member.name() + " voted " + vote.vote().label().toLowerCase(Locale.ROOT));
            }
        }
        if (voting.isEmpty() || !otherwise.isEmpty() || !notVoted.isEmpty()) {
            return Optional.of(new Dissent(otherwise, notVoted));
        }
        return Optional.empty();
    }

    /** The first {@code day} on or after {@code from}: when the weekly meeting falls. */
    public static LocalDate nextMeetingDay(LocalDate from, DayOfWeek day) {
        return from.with(TemporalAdjusters.nextOrSame(day));
    }

    /** "OQ" for Orlaith Quillfeather: the first letter of each name, nothing more. */
    public static String initials(String givenName, String familyName) {
        return initial(givenName) + initial(familyName);
    }

    private static String initial(String name) {
        return name == null || name.isBlank() ? "?" : name.strip().substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** The last three digits of an NHS number, as the panel sees it; null without one. */
    public static String lastThree(String nhsNumber) {
        return nhsNumber == null || nhsNumber.length() < 3 ? null : nhsNumber.substring(nhsNumber.length() - 3);
    }
}
