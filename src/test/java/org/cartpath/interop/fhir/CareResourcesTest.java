package org.cartpath.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.custody.CustodyRecord;
import org.cartpath.journey.Stage;
import org.cartpath.referral.ReferralStatus;
import org.cartpath.shared.OrganisationId;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** The ids and status mappings of the journey, custody and audit resources (ADR 0034), without the application. */
class CareResourcesTest {

    @Test
    void aTaskIdNamesItsCaseAndTaskAndAnythingElseIsNotATaskId() {
        UUID caseId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();

        String id = CareResources.taskId(caseId, taskId);

        assertThat(id).startsWith("task-").hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9\\-.]+");
        assertThat(CareResources.parseTaskId(id)).hasValueSatisfying(parsed -> assertThat(parsed).containsExactly(caseId,
                taskId));
        assertThat(CareResources.parseTaskId("task-abc")).isEmpty();
        assertThat(CareResources.parseTaskId("ld-" + id.substring(5))).isEmpty();
        assertThat(CareResources.parseTaskId("task-%%-1")).isEmpty();
        assertThat(TwoPartIds.parse(TreatmentResources.TOCILIZUMAB, TreatmentResources.tocilizumabId(caseId, taskId)))
                .hasValueSatisfying(parsed -> assertThat(parsed).containsExactly(caseId, taskId));
    }

    @Test
    void aProvenanceIdIsTheBagAndTheStepNumberAndIsReadBack() {
        UUID bag = UUID.randomUUID();
        Provenance step = Provenances.toFhir(new CustodyRecord(bag, 3, "HANDED_OVER", "Handed over",
                Instant.parse("2026-11-02T09:15:00Z"), OrganisationId.random(), "Leeds Children's", "A. Nurse",
                "Loading bay", OrganisationId.random(), "Swift Couriers", Instant.parse("2026-11-02T09:16:00Z")));

        assertThat(Provenances.parse(step.getIdElement().getIdPart())).contains(new Provenances.Parsed(bag, 3));
        assertThat(step.getTargetFirstRep().getReference()).isEqualTo("BiologicallyDerivedProduct/" + bag);
        assertThat(step.getAgent()).extracting(a -> a.getType().getCodingFirstRep().getCode(),
                a -> a.getWho().getDisplay()).containsExactly(org.assertj.core.groups.Tuple.tuple("performer", "A. Nurse"),
                org.assertj.core.groups.Tuple.tuple("custodian", "Swift Couriers"));
        assertThat(Provenances.parse(bag + "-3")).isEmpty();
        assertThat(Provenances.parse("abc-x")).isEmpty();
    }

    @Test
    void anEndedCaseIsACompletedOrRevokedCarePlanAndAReferralsTriageIsItsRequestsStatus() {
        assertThat(CareResources.status(Stage.INFUSED)).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(CareResources.status(Stage.COMPLETED)).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
        assertThat(CareResources.status(Stage.WITHDRAWN)).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
        assertThat(CareResources.status(Stage.DECEASED)).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
        assertThat(CareResources.status(ReferralStatus.SUBMITTED)).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(CareResources.status(ReferralStatus.MORE_INFORMATION_REQUESTED))
                .isEqualTo(ServiceRequest.ServiceRequestStatus.ONHOLD);
        assertThat(CareResources.status(ReferralStatus.ACCEPTED)).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
        assertThat(CareResources.status(ReferralStatus.DECLINED)).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
        assertThat(AuditEventResources.words("CASE_STAGE_CHANGED")).isEqualTo("Case stage changed");
    }
}
