package org.cartpath.referral;

import java.time.Instant;
import org.cartpath.shared.UserId;

/**
 * A member recorded present at a meeting. A member present but not voting (e.g. one who declared an
 * interest in a case) does not count towards unanimity.
 */
public record PanelAttendee(UserId memberId, String name, boolean voting, Instant recordedAt, String recordedBy) {
}
