package org.cartpath.referral;

import org.cartpath.shared.OrganisationId;

/** A treatment centre offered on the referral form; those in the referrer's own region come first. */
public record CentreChoice(OrganisationId id, String name, String region, boolean inReferrersRegion) {
}
