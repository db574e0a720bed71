package org.cartpath.treatment;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.cartpath.treatment.checklist.ChecklistEvaluation;
import org.cartpath.treatment.checklist.ChecklistEvaluation.EntryKind;
import org.cartpath.treatment.checklist.ChecklistEvaluation.ItemState;
import org.cartpath.treatment.checklist.ChecklistItem;
import org.cartpath.treatment.internal.ChecklistStore;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.cartpath.treatment.internal.TreatmentSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-infusion checklist (ADR 0017), configurable per centre and product. cartpath ticks the automatic
 * items from the other modules' records, with their evidence; the consultant or the ward nurse ticks the others, each
 * tick kept with who and when; a consultant may override one item with a signed reason, which is flagged on the case.
 * Ticks and overrides count for the centre's validity period (24 hours by default): they are about the patient today.
 */
@Service
public class PreInfusionChecklist {

    static final Set<Stage> CHECKLIST_STAGES = EnumSet.of(Stage.RECEIVED, Stage.LYMPHODEPLETION);
    static final int MAX_OWN_ITEMS = 10;

    private final ChecklistStore store;
    private final ChecklistFindings findings;
    private final TreatmentAccess access;
    private final ElectronicSignatures signatures;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final TreatmentSettings settings;
    private final Clock clock;

    PreInfusionChecklist(ChecklistStore store, ChecklistFindings findings, TreatmentAccess access,
            ElectronicSignatures signatures, CaseJourney journey, AuditTrail audit, TreatmentSettings settings, Clock clock) {
        this.store = store;
        this.findings = findings;
        this.access = access;
        this.signatures = signatures;
        this.journey = journey;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The case's checklist now. Reading it looks at the patient's consent, which is logged as a read. */
    @Transactional
    public ChecklistStatus checklist(Actor actor, CaseId caseId) {
        return evaluate(actor, access.read(actor, caseId));
    }

    ChecklistStatus evaluate(Actor actor, CaseView view) {
        ChecklistConfiguration configuration = store.applicable(view.therapyCase().treatingCentre(),
                view.therapyCase().productCode());
        List<ItemState> items = ChecklistEvaluation.evaluate(configuration.items(), findings.of(actor, view),
                store.entries(view.therapyCase().id()), Instant.now(clock), settings.checklistValidFor());
        return new ChecklistStatus(configuration, items, ChecklistEvaluation.complete(items), settings.checklistValidFor());
    }

    /** A ward nurse or consultant ticks an item that needs a person. */
    @Transactional
    public ChecklistStatus tick(Actor actor, CaseId caseId, String itemCode, String note) {
        CaseView view = access.act(actor, caseId, Role.WARD_NURSE, Role.CONSULTANT);
        String why = optional(note, "note");
        ItemState item = item(actor, view, itemCode);
        if (!item.mayTick()) {
            throw ProblemException.unprocessable("item-not-tickable", notTickable(item));
        }
        record(actor, view, item, EntryKind.TICKED, why, null, role(actor, Role.WARD_NURSE, Role.CONSULTANT));
        audit.record(actor, "CHECKLIST_ITEM_TICKED", "TherapyCase", caseId.toString(), null, auditView(item), why);
        return evaluate(actor, view);
    }

    /** A consultant overrides one item with a reason and an e-signature (meaning OVERRIDDEN); flagged on the case. */
    @Transactional
    public ChecklistStatus override(Actor actor, CaseId caseId, String itemCode, String reason, String password) {
        CaseView view = access.act(actor, caseId, Role.CONSULTANT);
        String why = optional(reason, "reason");
        if (why == null) {
            throw ProblemException.invalid("reason", "give the reason for the override");
        }
        ItemState item = item(actor, view, itemCode);
        if (!item.mayOverride()) {
            throw ProblemException.unprocessable("item-not-overridable", notOverridable(item));
        }
        UUID entryId = UUID.randomUUID();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", caseId.toString());
        content.put("item", item.item().code());
        content.put("evidence", item.finding() == null ? null : item.finding().evidence());
        content.put("reason", why);
        ElectronicSignature signature = signatures.sign(actor, password, Role.CONSULTANT, SignatureMeaning.OVERRIDDEN,
                new SignedRecord("PreInfusionChecklistOverride", entryId.toString(), content), why);
        record(actor, view, item, EntryKind.OVERRIDDEN, why, signature.id(), Role.CONSULTANT, entryId);
        journey.note(actor, caseId, "CHECKLIST_ITEM_OVERRIDDEN", "Pre-infusion checklist: '" + item.item().label()
                + "' overridden by the consultant (signed)");
        audit.record(actor, "CHECKLIST_ITEM_OVERRIDDEN", "TherapyCase", caseId.toString(), null, auditView(item), why);
        return evaluate(actor, view);
    }

    /** Withdraws the tick (ward nurse, consultant) or the override (consultant) of an item, with the reason. */
    @Transactional
    public ChecklistStatus withdraw(Actor actor, CaseId caseId, String itemCode, String reason) {
        CaseView view = access.act(actor, caseId, Role.WARD_NURSE, Role.CONSULTANT);
        String why = optional(reason, "reason");
        if (why == null) {
            throw ProblemException.invalid("reason", "say why the tick is withdrawn");
        }
        ItemState item = item(actor, view, itemCode);
        if (item.entry() == null) {
            throw ProblemException.conflict("nothing-to-withdraw", "'" + item.item().label() + "' has no tick or override"
                    + " that counts now");
        }
        if (item.entry().kind() == EntryKind.OVERRIDDEN && !actor.hasRole(Role.CONSULTANT)) {
            throw ProblemException.forbidden("Only a consultant withdraws an override");
        }
        record(actor, view, item, EntryKind.WITHDRAWN, why, null, role(actor, Role.CONSULTANT, Role.WARD_NURSE));
        audit.record(actor, "CHECKLIST_ITEM_WITHDRAWN", "TherapyCase", caseId.toString(), null, auditView(item), why);
        return evaluate(actor, view);
    }

    // --- configuration -------------------------------------------------------------------------------

    /** A centre's own item: a label and a hint; always ticked by a person. */
    public record OwnItem(@Size(max = TextLimits.SHORT) String label, @Size(max = TextLimits.LONG) String hint) {
    }

    /** The checklists that apply at the actor's centre: cartpath's default and the centre's own, latest versions. */
    @Transactional(readOnly = true)
    public List<ChecklistConfiguration> configurations(Actor actor) {
        centre(actor, false);
        return store.current(DataVisibility.clinicalScope(actor));
    }

    /**
     * A new version of the centre's checklist, for one product or (no product) for all: ADR 0017's seven items and
     * the centre's own. The seven cannot be removed. For QA and consultants.
     */
    @Transactional
    public ChecklistConfiguration configure(Actor actor, String productCode, List<OwnItem> own, String reason) {
        OrganisationId centre = centre(actor, true);
        String product = productCode == null || productCode.isBlank() ? null
                : RequestFields.choice(productCode, ProductCode.class, "productCode").name();
        List<FieldProblem> problems = new ArrayList<>();
        List<OwnItem> items = own == null ? List.of() : own;
        if (items.size() > MAX_OWN_ITEMS) {
            problems.add(new FieldProblem("items", "at most " + MAX_OWN_ITEMS + " items of the centre's own"));
        }
        List<ChecklistItem> all = new ArrayList<>(store.applicable(centre, null).items().stream()
                .filter(i -> ChecklistItem.DEFAULTS.stream().anyMatch(d -> d.code().equals(i.code()))).toList());
        for (int i = 0; i < items.size() && i < MAX_OWN_ITEMS; i++) {
            OwnItem item = items.get(i);
            if (item == null || item.label() == null || item.label().isBlank() || item.label().trim().length() > 200) {
                problems.add(new FieldProblem("items[" + i + "].label", "is required, up to 200 characters"));
                continue;
            }
            if (item.hint() != null && item.hint().trim().length() > 300) {
                problems.add(new FieldProblem("items[" + i + "].hint", "must be 300 characters or fewer"));
                continue;
            }
            all.add(new ChecklistItem("CUSTOM_" + (i + 1), item.label().trim(),
                    item.hint() == null || item.hint().isBlank() ? null : item.hint().trim(), ChecklistItem.Kind.MANUAL));
        }
        String why = optional(reason, "reason");
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        access.lockCentre("checklist", centre);
        int version = store.own(centre, product).map(ChecklistConfiguration::version).orElse(0) + 1;
        ChecklistConfiguration configuration = new ChecklistConfiguration(UUID.randomUUID(), centre, product, version, all,
                why, actor.displayName(), Instant.now(clock));
        store.insert(configuration, actor);
        audit.record(actor, "CHECKLIST_CONFIGURED", "PreInfusionChecklist", configuration.id().toString(), null,
                Map.of("productCode", String.valueOf(product), "version", version,
                        "items", all.stream().map(ChecklistItem::label).toList()), why);
        return configuration;
    }

    // --- rules ---------------------------------------------------------------------------------------

    private ItemState item(Actor actor, CaseView view, String itemCode) {
        if (itemCode == null || itemCode.isBlank()) {
            throw ProblemException.invalid("itemCode", "is required");
        }
        access.lock(view.therapyCase().id());
        TreatmentAccess.requireStage(view, CHECKLIST_STAGES, "the pre-infusion checklist is kept from receipt of the"
                + " product to the infusion");
        ChecklistStatus status = evaluate(actor, view);
        return status.items().stream().filter(i -> i.item().code().equals(itemCode.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("itemCode", "is not an item of this checklist: "
                        + String.join(", ", status.items().stream().map(i -> i.item().code()).toList())));
    }

    private void record(Actor actor, CaseView view, ItemState item, EntryKind kind, String note, UUID signatureId,
            Role role) {
        record(actor, view, item, kind, note, signatureId, role, UUID.randomUUID());
    }

    private void record(Actor actor, CaseView view, ItemState item, EntryKind kind, String note, UUID signatureId,
            Role role, UUID id) {
        store.insertEntry(id, view.therapyCase().id(), store.applicable(view.therapyCase().treatingCentre(),
                        view.therapyCase().productCode()).id(), item.item().code(), kind, note,
                item.finding() == null ? null : item.finding().evidence(), signatureId, actor, role.name(),
                Instant.now(clock));
    }

    private static String notTickable(ItemState item) {
        if (item.state() == ChecklistEvaluation.State.DONE_BY_CARTPATH) {
            return "'" + item.item().label() + "' is ticked by cartpath from its records: " + item.finding().evidence();
        }
        String evidence = item.finding() == null ? "" : ": " + item.finding().evidence();
        return "'" + item.item().label() + "' cannot be ticked by hand" + evidence
                + (item.mayOverride() ? "; a consultant may override it with a signed reason" : "");
    }

    private static String notOverridable(ItemState item) {
        String label = "'" + item.item().label() + "'";
        if (ChecklistItem.NEVER_OVERRIDDEN.contains(item.item().code())) {
            return label + " is a condition of the infusion in its own right and cannot be overridden";
        }
        if (item.state() == ChecklistEvaluation.State.DONE_BY_CARTPATH || item.state() == ChecklistEvaluation.State.OVERRIDDEN) {
            return label + " needs no override: it is " + (item.state() == ChecklistEvaluation.State.OVERRIDDEN
                    ? "already overridden" : "met");
        }
        if (item.finding() != null && !item.finding().overridable()) {
            return label + " cannot be overridden: " + item.finding().evidence();
        }
        return "Only one item of the checklist may be overridden; another item is overridden already";
    }

    private static Role role(Actor actor, Role first, Role second) {
        return actor.hasRole(first) ? first : second;
    }

    private static String optional(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > 500) {
            throw ProblemException.invalid(field, "must be 500 characters or fewer");
        }
        return value.trim();
    }

    private static OrganisationId centre(Actor actor, boolean change) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("Pre-infusion checklists belong to a treatment centre");
        }
        if (change && !actor.hasAnyRole(Role.QA, Role.CONSULTANT)) {
            throw ProblemException.forbidden("Only the centre's QA and consultants configure the pre-infusion checklist");
        }
        if (!change && TreatmentAccess.READERS.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Your role does not show the pre-infusion checklist");
        }
        return actor.organisationId();
    }

    private static Map<String, Object> auditView(ItemState item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("item", item.item().code());
        view.put("label", item.item().label());
        view.put("evidence", item.finding() == null ? null : item.finding().evidence());
        return view;
    }
}
