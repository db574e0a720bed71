package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.internal.PharmacyStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.lymphodepletion.DoseRounding;
import org.cartpath.treatment.lymphodepletion.RenalBandTable;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;
import org.cartpath.treatment.lymphodepletion.RenalBandTables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A treating centre's pharmacy protocol for lymphodepletion (ADR 0017; docs/clinical/renal-function.md: "make the band
 * table a pharmacy-owned protocol and record which one was applied"): the fludarabine renal band table and the
 * dosing rules, each versioned. Pharmacists of the centre make new versions; the centre's clinical staff read them.
 * Nothing is overwritten: every version stays, and each plan records the versions it was calculated with.
 */
@Service
public class PharmacySettings {

    private static final BigDecimal LARGEST_INCREMENT_MG = new BigDecimal("100");

    private final PharmacyStore store;
    private final TreatmentAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    PharmacySettings(PharmacyStore store, TreatmentAccess access, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewRenalTable(String name, String source, List<RenalBand> bands, String reason) {
    }

    /** The renal band table the centre doses by now: its latest version, else cartpath's default. */
    @Transactional(readOnly = true)
    public RenalTableVersion currentRenalTable(Actor actor) {
        return currentRenalTable(centre(actor, false));
    }

    /** For the lymphodepletion service, inside its transaction: the table of a given centre. */
    RenalTableVersion currentRenalTable(OrganisationId centre) {
        return store.currentRenalTable(centre).orElse(new RenalTableVersion(null, 0, RenalBandTable.US_FLUDARA, true,
                null, "cartpath", null));
    }

    /** Every version of the centre's table, newest first. */
    @Transactional(readOnly = true)
    public Page<RenalTableVersion> renalTables(Actor actor, Page.Request request) {
        centre(actor, false);
        DataScope scope = DataVisibility.clinicalScope(actor);
        return new Page<>(store.renalTables(scope, request.size(), request.offset()), request.page(), request.size(),
                store.countRenalTables(scope));
    }

    @Transactional
    public RenalTableVersion addRenalTable(Actor actor, NewRenalTable command) {
        OrganisationId centre = centre(actor, true);
        List<FieldProblem> problems = new ArrayList<>();
        String name = text(command.name(), "name", 200, problems);
        String source = text(command.source(), "source", 500, problems);
        problems.addAll(RenalBandTables.problemsIn(command.bands()));
        if (command.reason() != null && command.reason().length() > 500) {
            problems.add(new FieldProblem("reason", "must be 500 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        access.lockCentre("renal-table", centre);
        int version = store.latestRenalVersion(centre) + 1;
        UUID id = UUID.randomUUID();
        RenalBandTable table = new RenalBandTable(id.toString(), name, source, command.bands());
        Instant now = Instant.now(clock);
        store.insertRenalTable(id, centre, version, table, blankToNull(command.reason()), actor, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version);
        after.put("name", name);
        after.put("bands", command.bands().stream().map(RenalBand::describe).toList());
        audit.record(actor, "RENAL_BAND_TABLE_ADDED", "RenalBandTable", id.toString(), null, after, blankToNull(command.reason()));
        return store.renalTable(id).orElseThrow();
    }

    /** The dosing rules the centre doses by now: the latest version, else cartpath's defaults. */
    @Transactional(readOnly = true)
    public DosingRules currentDosingRules(Actor actor) {
        return currentDosingRules(centre(actor, false));
    }

    DosingRules currentDosingRules(OrganisationId centre) {
        return store.currentDosingRules(centre).orElse(DosingRules.DEFAULTS);
    }

    @Transactional(readOnly = true)
    public Page<DosingRules> dosingRules(Actor actor, Page.Request request) {
        centre(actor, false);
        DataScope scope = DataVisibility.clinicalScope(actor);
        return new Page<>(store.dosingRules(scope, request.size(), request.offset()), request.page(), request.size(),
                store.countDosingRules(scope));
    }

    /** A new version of the dosing rules: the BSA formula and a rounding increment per drug (mg; 1 when not given). */
    @Transactional
    public DosingRules changeDosingRules(Actor actor, BodySurfaceArea.Formula formula, Map<Drug, BigDecimal> incrementsMg,
            String reason) {
        OrganisationId centre = centre(actor, true);
        List<FieldProblem> problems = new ArrayList<>();
        if (formula == null) {
            problems.add(new FieldProblem("bsaFormula", "is required: MOSTELLER, DUBOIS or HAYCOCK"));
        }
        Map<Drug, BigDecimal> increments = incrementsMg == null ? Map.of() : incrementsMg;
        increments.forEach((drug, mg) -> {
            if (mg == null || mg.signum() <= 0 || mg.compareTo(LARGEST_INCREMENT_MG) > 0) {
                problems.add(new FieldProblem("roundingIncrementsMg." + drug.name(), "must be more than 0 and at most 100 mg"));
            }
        });
        if (reason != null && reason.length() > 500) {
            problems.add(new FieldProblem("reason", "must be 500 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        access.lockCentre("dosing-rules", centre);
        int version = store.latestDosingVersion(centre) + 1;
        UUID id = UUID.randomUUID();
        store.insertDosingRules(id, centre, version, formula, new DoseRounding(increments), blankToNull(reason), actor,
                Instant.now(clock));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version);
        after.put("bsaFormula", formula.name());
        after.put("roundingIncrementsMg", increments.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(), e -> e.getValue().toPlainString())));
        audit.record(actor, "DOSING_RULES_CHANGED", "DosingRules", id.toString(), null, after, blankToNull(reason));
        return store.dosingRules(id).orElseThrow();
    }

    /** The actor's own treatment centre; only its pharmacists change the protocol, its clinical staff read it. */
    private static OrganisationId centre(Actor actor, boolean change) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("The pharmacy protocol belongs to a treatment centre");
        }
        if (change && !actor.hasRole(Role.PHARMACIST)) {
            throw ProblemException.forbidden("Only the centre's pharmacists change the pharmacy protocol");
        }
        if (!change && TreatmentAccess.READERS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Your role does not show the pharmacy protocol");
        }
        return actor.organisationId();
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (value.trim().length() > max) {
            problems.add(new FieldProblem(field, "must be " + max + " characters or fewer"));
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
