package org.cartpath.referral;

import org.cartpath.shared.UserId;

/** A person of the panel's organisation who holds the panel member role. */
public record PanelMember(UserId id, String name) {
}
