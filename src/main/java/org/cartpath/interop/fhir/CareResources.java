package org.cartpath.interop.fhir;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.referral.Referral;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.Urgency;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The journey of a case in FHIR (ADR 0034): the referral that opened it as a {@code ServiceRequest}, the case itself as
 * a {@code CarePlan} (its stage under cartpath's case-stage code system), and its tasks, the worklist's work items, as
 * {@code Task}s. Only for an actor who sees the case in full: each names the patient.
 */
final class CareResources {

    static final String TASK_PREFIX = "task";

    private CareResources() {
    }

    // --- ServiceRequest: the referral --------------------------------------------------------------------------

    /**
     * Referral status to ServiceRequest status (R4 request-status): waiting for triage is active, a question to the
     * referrer puts it on hold, accepted is completed (the centre took the patient on; the CarePlan continues it),
     * declined is revoked.
     */
    static ServiceRequest.ServiceRequestStatus status(org.cartpath.referral.ReferralStatus status) {
        return switch (status) {
            case SUBMITTED -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case MORE_INFORMATION_REQUESTED -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case ACCEPTED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case DECLINED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        };
    }

    static ServiceRequest referral(ReferralView view) {
        Referral r = view.referral();
        ServiceRequest request = new ServiceRequest();
        request.setId(r.id().value().toString());
        request.getMeta().setLastUpdated(Date.from(r.updatedAt()));
        request.addIdentifier().setSystem(FhirCodes.CASE_REFERENCE).setValue(view.caseReference());
        request.setStatus(status(r.status()));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(r.urgency() == Urgency.URGENT ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        request.getCode().addCoding().setSystem(FhirCodes.CARE).setCode("car-t-referral")
                .setDisplay("Referral for CAR-T cell therapy");
        request.getCode().setText("Referral for CAR-T cell therapy" + (r.productCode() == null ? ""
                : " (" + r.productCode() + ")"));
        request.setSubject(new Reference("Patient/" + r.patientId()));
        request.setAuthoredOnElement(Observations.dateTime(r.submittedAt()));
        request.setRequester(new Reference().setDisplay(r.referredBy() + ", " + view.referringOrganisationName()));
        request.addPerformer(new Reference().setDisplay(view.centreName()));
        if (r.indication() != null) {
            request.addReasonCode().setText(r.indication());
        }
        if (r.status() == org.cartpath.referral.ReferralStatus.DECLINED && r.declineReason() != null) {
            request.addNote().setText("Declined: " + r.declineReason());
        }
        return request;
    }

    // --- CarePlan: the case ------------------------------------------------------------------------------------

    /** Open cases are active; a completed case completed; declined, withdrawn or deceased revoked (ended early). */
    static CarePlan.CarePlanStatus status(Stage stage) {
        if (!stage.isEnding()) {
            return CarePlan.CarePlanStatus.ACTIVE;
        }
        return stage == Stage.COMPLETED ? CarePlan.CarePlanStatus.COMPLETED : CarePlan.CarePlanStatus.REVOKED;
    }

    static CarePlan carePlan(TherapyCase c, List<CaseTask> tasks, Optional<UUID> referralId) {
        CarePlan plan = new CarePlan();
        plan.setId(c.id().value().toString());
        plan.getMeta().setLastUpdated(Date.from(lastChanged(c, tasks)));
        plan.addIdentifier().setSystem(FhirCodes.CASE_REFERENCE).setValue(c.reference());
        plan.setStatus(status(c.stage()));
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory().addCoding().setSystem(FhirCodes.CARE).setCode("car-t-journey")
                .setDisplay("CAR-T cell therapy journey");
        plan.addCategory().addCoding().setSystem(FhirCodes.CASE_STAGE).setCode(c.stage().name())
                .setDisplay(c.stage().label());
        plan.setTitle("CAR-T journey " + c.reference());
        plan.setDescription("Stage: " + c.stage().label() + (c.productCode() == null ? "" : "; product " + c.productCode()));
        plan.setSubject(new Reference("Patient/" + c.patientId()));
        plan.getPeriod().setStartElement(Observations.dateTime(c.openedAt()));
        if (c.stage().isEnding()) {
            plan.getPeriod().setEndElement(Observations.dateTime(c.stageChangedAt()));
        }
        plan.setCreatedElement(Observations.dateTime(c.openedAt()));
        referralId.ifPresent(id -> plan.addSupportingInfo(new Reference("ServiceRequest/" + id)));
        for (CaseTask task : tasks) {
            plan.addActivity().setReference(new Reference("Task/" + taskId(c.id().value(), task.id())));
        }
        return plan;
    }

    static Instant lastChanged(TherapyCase c, List<CaseTask> tasks) {
        Instant last = c.stageChangedAt();
        for (CaseTask t : tasks) {
            Instant at = t.closedAt() != null ? t.closedAt() : t.openedAt();
            if (at.isAfter(last)) {
                last = at;
            }
        }
        return last;
    }

    // --- Task: the case's work items ---------------------------------------------------------------------------

    static String taskId(UUID caseId, UUID taskId) {
        return TwoPartIds.of(TASK_PREFIX, caseId, taskId);
    }

    /** The case and the task a Task id names. */
    static Optional<UUID[]> parseTaskId(String id) {
        return TwoPartIds.parse(TASK_PREFIX, id);
    }

    /**
     * An open task is ready (someone in its role may do it now); done is completed; a task replaced by a more precise
     * one or cancelled is cancelled, with the reason in words.
     */
    static Task task(TherapyCase c, CaseTask t) {
        Task task = new Task();
        task.setId(taskId(c.id().value(), t.id()));
        task.getMeta().setLastUpdated(Date.from(t.closedAt() != null ? t.closedAt() : t.openedAt()));
        task.setStatus(t.isOpen() ? Task.TaskStatus.READY : t.isDone() ? Task.TaskStatus.COMPLETED
                : Task.TaskStatus.CANCELLED);
        if (!t.isOpen() && !t.isDone()) {
            task.getStatusReason().setText(t.closure().label());
        }
        task.setIntent(Task.TaskIntent.PLAN);
        task.setDescription(t.title());
        task.addBasedOn(new Reference("CarePlan/" + c.id().value()));
        task.setFor(new Reference("Patient/" + c.patientId()));
        task.setAuthoredOnElement(Observations.dateTime(t.openedAt()));
        task.setLastModifiedElement(Observations.dateTime(t.closedAt() != null ? t.closedAt() : t.openedAt()));
        if (t.role() != null) {
            task.addPerformerType().setText(t.role().label());
        }
        if (t.dueOn() != null) {
            task.getRestriction().getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(t.dueOn().toString()));
        }
        if (t.closedAt() != null) {
            task.getExecutionPeriod().setEndElement(Observations.dateTime(t.closedAt()));
            if (t.closedBy() != null) {
                task.setOwner(new Reference().setDisplay(t.closedBy()));
            }
        }
        return task;
    }

    static final Comparator<CaseTask> TASK_ORDER = Comparator.comparing(CaseTask::openedAt).thenComparing(CaseTask::id);
}
