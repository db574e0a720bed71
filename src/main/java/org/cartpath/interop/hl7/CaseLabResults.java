package org.cartpath.interop.hl7;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest laboratory result of each measurement filed from HL7 messages for a case, for the case page: only for the
 * treating centre's clinical staff, and only results filed for that centre (ADR 0024).
 */
@Service
public class CaseLabResults {

    /** The treating centre's staff who read a case's laboratory results. */
    public static final Set<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE,
            Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE, Role.DATA_MANAGER);

    private final MessageStore store;

    CaseLabResults(MessageStore store) {
        this.store = store;
    }

    /** One measurement's latest result: the value in cartpath's unit, when it was taken, and which message brought it. */
    public record LatestResult(LabMeasurement measurement, BigDecimal value, Instant observedAt, Instant filedAt,
            String sendingFacility, String sendingApplication, String controlId) {

        /** Where the result came from, in words: the laboratory's system and facility, and the message's control id. */
        public String source() {
            String system = sendingApplication == null ? "" : sendingApplication;
            String facility = sendingFacility == null ? "" : (system.isEmpty() ? "" : " at ") + sendingFacility;
            String sender = (system + facility).isEmpty() ? "HL7 message" : system + facility;
            return sender + ", message " + controlId;
        }
    }

    /** Whether the actor sees the case's results: the treating centre's clinical staff. */
    public boolean mayRead(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor, READERS);
    }

    /** The latest result of each measurement, in the order of {@link LabMeasurement}; empty for anyone else. */
    @Transactional(readOnly = true)
    public List<LatestResult> latest(Actor actor, CaseView view) {
        if (!mayRead(actor, view)) {
            return List.of();
        }
        return store.latestOfCase(view.therapyCase().id().value(), actor.organisationId());
    }
}
