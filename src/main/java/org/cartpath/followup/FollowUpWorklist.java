package org.cartpath.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cartpath.followup.internal.SubmissionStore;
import org.cartpath.followup.internal.WorklistStore;
import org.cartpath.followup.schedule.RegistryTimepointName;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up worklist: registry time points and clinic visits not yet done that are overdue, in their window, or
 * due in the next {@value TimepointStatus#DUE_SOON_DAYS} days, of the cases the actor's organisation treats or
 * referred; filterable by treating centre, referring hospital and the role responsible (the data manager owns
 * registry time points, the coordinator clinic visits). Overdue first, then by date.
 */
@Service
public class FollowUpWorklist {

    /** What a line is about. */
    public enum Kind {
        REGISTRY("Registry form"),
        CLINIC("Clinic visit"),
        /** A clinic visit the referring hospital submitted (shared care); its key is the submission's id. */
        SUBMISSION("Visit from the referring hospital");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A line of the worklist. */
    public record Item(CaseId caseId, String caseReference, Kind kind, String key, String label, LocalDate dueDate,
            LocalDate windowStart, LocalDate windowEnd, TimepointStatus status, Role responsible,
            OrganisationId treatingCentre, String treatingCentreName, OrganisationId referringHospital,
            String referringHospitalName) {
    }

    /** The filters; each may be null. */
    public record Filter(OrganisationId centre, OrganisationId referringHospital, Role responsible) {
    }

    /** Most lines a worklist shows. */
    public static final int LIMIT = 500;

    private final WorklistStore store;
    private final SubmissionStore submissions;
    private final OrganisationManagement organisations;
    private final Clock clock;
    private final ZoneId zone;

    FollowUpWorklist(WorklistStore store, SubmissionStore submissions, OrganisationManagement organisations,
            Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.submissions = submissions;
        this.organisations = organisations;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Transactional(readOnly = true)
    public List<Item> items(Actor actor, Filter filter) {
        FollowUpAccess.requireWorklist(actor);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<UUID, String> names = organisations.directory().stream()
                .collect(Collectors.toMap(o -> o.id().value(), Organisation::name, (a, b) -> a));
        Stream<Item> planned = store.open(DataVisibility.clinicalScope(actor),
                        today.plusDays(TimepointStatus.DUE_SOON_DAYS), filter.centre(), filter.referringHospital(),
                        filter.responsible(), LIMIT).stream()
                .map(row -> item(row, today, names));
        // shared care: submissions waiting for the centre's review, and those returned to the hospital with a question
        Stream<Item> submitted = submissions.open(DataVisibility.clinicalScope(actor), LIMIT).stream()
                .map(line -> item(line, names))
                .filter(i -> filter.centre() == null || filter.centre().equals(i.treatingCentre()))
                .filter(i -> filter.referringHospital() == null
                        || filter.referringHospital().equals(i.referringHospital()))
                .filter(i -> filter.responsible() == null || filter.responsible() == i.responsible());
        return Stream.concat(submitted, planned)
                .sorted(Comparator.comparing((Item i) -> i.kind() != Kind.SUBMISSION)
                        .thenComparing((Item i) -> i.status() != TimepointStatus.OVERDUE)
                        .thenComparing(Item::dueDate).thenComparing(Item::caseReference))
                .toList();
    }

    private static Item item(SubmissionStore.OpenLine line, Map<UUID, String> names) {
        boolean pending = line.status() == SharedCareSubmission.Status.PENDING;
        return new Item(line.caseId(), line.reference(), Kind.SUBMISSION, line.id().toString(), line.visitLabel(),
                line.updatedOn(), null, null, pending ? TimepointStatus.TO_REVIEW : TimepointStatus.RETURNED,
                pending ? Role.DATA_MANAGER : Role.REFERRER, new OrganisationId(line.treatingCentre()),
                names.getOrDefault(line.treatingCentre(), ""), new OrganisationId(line.referringHospital()),
                names.getOrDefault(line.referringHospital(), ""));
    }

    /** The organisations the actor's worklist may be filtered by: the centres and hospitals of its own cases. */
    @Transactional(readOnly = true)
    public List<Organisation> organisations(Actor actor, boolean centres) {
        FollowUpAccess.requireWorklist(actor);
        List<UUID> ids = store.organisations(DataVisibility.clinicalScope(actor), centres);
        return organisations.directory().stream().filter(o -> ids.contains(o.id().value()))
                .sorted(Comparator.comparing(Organisation::name)).toList();
    }

    private static Item item(WorklistStore.Row row, LocalDate today, Map<UUID, String> names) {
        Function<UUID, String> name = id -> names.getOrDefault(id, "");
        TimepointStatus status;
        String label;
        Role responsible;
        if (row.kind() == Kind.REGISTRY) {
            RegistryTimepointName timepoint = RegistryTimepointName.parse(row.key()).orElseThrow();
            label = timepoint.label();
            status = new PlannedTimepoint(timepoint, row.dueDate(), row.windowStart(), row.windowEnd(), false, null,
                    null).statusOn(today);
            responsible = Role.DATA_MANAGER;
        } else {
            label = row.label();
            status = PlannedVisit.planned(row.key(), row.label(), row.dueDate()).statusOn(today);
            responsible = Role.COORDINATOR;
        }
        return new Item(row.caseId(), row.reference(), row.kind(), row.key(), label, row.dueDate(), row.windowStart(),
                row.windowEnd(), status, responsible, new OrganisationId(row.treatingCentre()),
                name.apply(row.treatingCentre()), new OrganisationId(row.referringHospital()),
                name.apply(row.referringHospital()));
    }
}
