package org.cartpath.patient.internal;

import java.util.EnumSet;
import java.util.Set;
import org.cartpath.patient.EntryKind;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;

/**
 * Who may do what with patients. Which patients an actor may see is {@link org.cartpath.shared.DataVisibility};
 * this is what their role lets them do with those they see. Manufacturers and couriers never see patient
 * identity (ADR 0009), so for them every patient is "not found", whatever they ask.
 */
public final class PatientRoles {

    /** Clinical staff of an organisation with a reason to see the patient. Administrators gain no clinical access. */
    public static final Set<Role> READERS = EnumSet.of(Role.REFERRER, Role.COORDINATOR, Role.CONSULTANT,
            Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE, Role.QA, Role.PANEL_MEMBER,
            Role.DATA_MANAGER);

    /** Register patients, correct demographics, record history and consent. */
    public static final Set<Role> EDITORS = EnumSet.of(Role.REFERRER, Role.COORDINATOR, Role.CONSULTANT);

    /** Weight, height and laboratory results are also entered by nurses and pharmacists. */
    public static final Set<Role> MEASURERS = EnumSet.of(Role.REFERRER, Role.COORDINATOR, Role.CONSULTANT,
            Role.APHERESIS_NURSE, Role.WARD_NURSE, Role.PHARMACIST);

    private PatientRoles() {
    }

    /** Every patient is "not found" for an actor whose organisation may not see patient identity. */
    public static void requireIdentityVisible(Actor actor, Object patientId) {
        if (actor.organisationId() == null || actor.organisationKind() == null
                || !actor.organisationKind().seesPatientIdentity()) {
            throw new NotFoundException("patient", patientId == null ? "(any)" : patientId);
        }
    }

    public static void requireReader(Actor actor) {
        require(actor, READERS, "Your role does not give access to patient records");
    }

    public static void requireEditor(Actor actor) {
        require(actor, EDITORS, "Only referrers, coordinators and consultants register and change patients");
    }

    public static void requireRecorder(Actor actor, EntryKind kind) {
        if (kind == EntryKind.MEASUREMENT || kind == EntryKind.ORGAN_FUNCTION) {
            require(actor, MEASURERS, "Your role does not allow recording " + kind.label().toLowerCase());
        } else {
            requireEditor(actor);
        }
    }

    private static void require(Actor actor, Set<Role> roles, String message) {
        if (roles.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden(message);
        }
    }
}
