package org.cartpath.custody.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.cartpath.custody.scan.HardStopOverrides;
import org.cartpath.custody.scan.OpenHardStop;
import org.cartpath.custody.verification.AwaitingWitness;
import org.cartpath.custody.verification.Verifications;
import org.cartpath.journey.CaseUrgency;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientSummary;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Custody's work on the treating centre's home pages: the two-person checks
 * waiting for a second person, shown to everyone who may witness them (so the witness opens the check on their own
 * device), and the identity hard stops QA must review, urgent cases first ({@link CaseUrgency}). Patients' names are
 * read through
 * {@link PatientManagement#listed}, which logs each read.
 */
@Component
class CustodyHomePanels implements HomePanelContributor {

    static final int SHOWN = 10;

    private final Verifications verifications;
    private final HardStopOverrides overrides;
    private final PatientManagement patients;
    private final CaseUrgency urgency;

    CustodyHomePanels(Verifications verifications, HardStopOverrides overrides, PatientManagement patients,
            CaseUrgency urgency) {
        this.urgency = urgency;
        this.verifications = verifications;
        this.overrides = overrides;
        this.patients = patients;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE || !actor.isPerson()) {
            return List.of();
        }
        List<HomePanel> panels = new ArrayList<>();
        List<AwaitingWitness> checks = urgency.urgentFirst(actor, verifications.awaitingWitness(actor, SHOWN),
                c -> c.verification().caseId());
        List<OpenHardStop> stops = actor.hasRole(Role.QA)
                ? urgency.urgentFirst(actor, overrides.openAt(actor), OpenHardStop::caseId) : List.of();
        Map<UUID, PatientSummary> names = names(actor, Stream.concat(checks.stream().map(AwaitingWitness::patientId),
                stops.stream().map(OpenHardStop::patientId)).toList());
        if (!checks.isEmpty()) {
            // the panel goes with the first of the actor's roles that may witness one of the checks
            Role role = Arrays.stream(Role.values()).filter(actor::hasRole)
                    .filter(r -> checks.stream().anyMatch(c -> c.verification().step().roles().contains(r)))
                    .findFirst().orElseThrow();
            panels.add(new HomePanel(role, "Checks waiting for a second person", "custody/home", "witnessQueue",
                    Map.of("checks", checks, "names", names)));
        }
        if (actor.hasRole(Role.QA)) {
            panels.add(new HomePanel(Role.QA, "Identity hard stops to review", "custody/home", "hardStopQueue",
                    Map.of("stops", stops, "names", names)));
        }
        return panels;
    }

    private Map<UUID, PatientSummary> names(Actor actor, List<UUID> patientIds) {
        Map<UUID, PatientSummary> names = new HashMap<>();
        List<PatientId> ids = patientIds.stream().filter(Objects::nonNull).distinct().map(PatientId::new).toList();
        if (!ids.isEmpty()) {
            patients.listed(actor, ids, "Work queue on the home page").forEach((id, summary) -> names.put(id.value(), summary));
        }
        return names;
    }
}
