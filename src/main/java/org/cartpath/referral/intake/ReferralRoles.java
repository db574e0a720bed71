package org.cartpath.referral.intake;

import java.util.EnumSet;
import java.util.Set;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;

/**
 * Who may do what with referrals. Which referrals an actor sees is {@link org.cartpath.shared.DataVisibility}
 * over the case's parties; this is what their role lets them do with those. Manufacturers and couriers never
 * see a referral: for them every referral is "not found".
 */
public final class ReferralRoles {

    /** Clinical staff with a reason to read referrals. Administrators and auditors gain no clinical access. */
    public static final Set<Role> READERS = EnumSet.of(Role.REFERRER, Role.COORDINATOR, Role.CONSULTANT,
            Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE, Role.QA, Role.PANEL_MEMBER);

    private ReferralRoles() {
    }

    /** Every referral is "not found" for an organisation that may not see patient identity. */
    public static void requireIdentityVisible(Actor actor, Object id) {
        if (actor.organisationId() == null || actor.organisationKind() == null
                || !actor.organisationKind().seesPatientIdentity()) {
            throw new NotFoundException("referral", id == null ? "(any)" : id);
        }
    }

    public static void requireReader(Actor actor) {
        if (READERS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Your role does not give access to referrals");
        }
    }

    public static void requireReferrer(Actor actor) {
        if (!actor.hasRole(Role.REFERRER)) {
            throw ProblemException.forbidden("Only referrers make referrals and answer the centre's questions");
        }
    }

    public static void requireCoordinator(Actor actor) {
        if (!actor.hasRole(Role.COORDINATOR)) {
            throw ProblemException.forbidden("Only the centre's coordinators triage referrals");
        }
    }
}
