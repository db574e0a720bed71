package org.cartpath.interop.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;

/**
 * A row of cartpath's audit trail about a case as a FHIR {@code AuditEvent} (ADR 0034): the action under cartpath's
 * audit-action code system as its type, when, who (the person or system and their organisation, as the row names
 * them), and the case as the entity ({@code CarePlan/<case>}). Audit rows carry no patient identity (ADR 0009), and
 * neither does this: the values before and after and the free-text reason stay in cartpath's own audit trail and its
 * signed export. Its id is the row's number.
 */
final class AuditEventResources {

    static final String CASE_ENTITY = "TherapyCase";

    private AuditEventResources() {
    }

    static AuditEvent toFhir(org.cartpath.audit.AuditEvent row) {
        AuditEvent event = new AuditEvent();
        event.setId(Long.toString(row.id()));
        event.getMeta().setLastUpdated(Date.from(row.occurredAt()));
        event.getType().setSystem(FhirCodes.AUDIT_ACTION).setCode(row.action()).setDisplay(words(row.action()));
        event.setRecorded(Date.from(row.occurredAt()));
        event.setOutcome(AuditEvent.AuditEventOutcome._0);
        AuditEvent.AuditEventAgentComponent agent = event.addAgent();
        agent.setRequestor(true);
        agent.setWho(new Reference().setDisplay(row.actorName() == null ? row.actorId() : row.actorName()));
        agent.setAltId(row.actorId());
        event.getSource().setSite("cartpath");
        event.getSource().setObserver(new Reference().setDisplay("cartpath"));
        AuditEvent.AuditEventEntityComponent entity = event.addEntity();
        if (CASE_ENTITY.equals(row.entityType())) {
            entity.setWhat(new Reference("CarePlan/" + row.entityId()));
        } else {
            entity.setWhat(new Reference().setDisplay(row.entityType() + " " + row.entityId()));
        }
        return event;
    }

    /** CASE_STAGE_CHANGED as "Case stage changed". */
    static String words(String action) {
        String lower = action.replace('_', ' ').toLowerCase();
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
