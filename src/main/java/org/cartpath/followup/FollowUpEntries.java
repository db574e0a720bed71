package org.cartpath.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.followup.FollowUpEntry.Field;
import org.cartpath.followup.FollowUpEntry.Kind;
import org.cartpath.followup.internal.FollowUpEntryStore;
import org.cartpath.followup.internal.InterfaceResultStore;
import org.cartpath.followup.internal.OutcomeEventStore;
import org.cartpath.followup.internal.PlanStore;
import org.cartpath.followup.outcomes.BCellAplasia;
import org.cartpath.followup.outcomes.IcahtSeries;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.TextLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up clinical entries after infusion (docs/clinical/follow-up.md, ADR 0031): blood counts with growth factor
 * and transfusion support, B cells and immunoglobulins, and infections, recorded by the treating centre's follow-up
 * staff ({@link FollowUpAccess#FOLLOW_UP_KEEPERS}), dated from day 0 to today (and not after a recorded death).
 * Append-only: a correction is a new version with a reason, every version kept. Every write is audited in its
 * transaction, without the patient's identity (ADR 0009). From the blood counts cartpath derives ICAHT by the consensus
 * counting rules ({@link IcahtSeries}): the early grade only from a complete daily ANC series of days 0 to +30
 * (hazard H-28), the late grade from the results after day +30.
 */
@Service
public class FollowUpEntries {

    /** What is entered: the kind, the date observed, the raw values (numbers, yes/no, text, codes) and the source. */
    public record Entry(Kind kind, LocalDate observedOn, Map<String, Object> values, String sourceDocument) {
    }

    /**
     * One day's counts for the chart and its table: the day after infusion, the values (null if not recorded), and
     * where they came from: the typed entry ({@code entry}, null for results from an interface) and the source in words.
     */
    public record CountPoint(int day, LocalDate on, BigDecimal anc, BigDecimal platelets, BigDecimal haemoglobin,
            boolean growthFactor, boolean transfusion, FollowUpEntry entry, String source) {

        public String display(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }

        public String support() {
            return entry == null ? "" : entry.support();
        }
    }

    /** One date's B cells and IgG, typed ({@code entry}) or from an interface, with the source in words. */
    public record BCellPoint(LocalDate on, BigDecimal cd19BCells, BigDecimal igg, Boolean ivigGiven,
            FollowUpEntry entry, String source) {

        public String display(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }

        public String ivig() {
            return ivigGiven == null ? "" : ivigGiven ? "Yes" : "No";
        }
    }

    /**
     * A laboratory result that reached cartpath through an interface (HL7 v2 or FHIR, ADR 0035): the measurement
     * (ANC, PLATELETS, HAEMOGLOBIN, IGG, CD19_B_CELLS), the value in cartpath's unit, the date and time taken, and
     * where it came from.
     */
    public record InterfaceResult(String measurement, BigDecimal value, LocalDate observedOn, Instant observedAt,
            String source) {
    }

    /** How a typed value is described as a source. */
    public static final String TYPED = "Typed in cartpath";

    /**
     * A case's entries: the current version of each by date ({@code current}), every version ever recorded
     * ({@code versions}), the counts for the chart (typed, and from interfaces on dates without a typed count), ICAHT
     * from the ANC series, the B cells and IgG the same way, and B-cell aplasia from the CD19+ B-cell counts.
     */
    public record History(LocalDate dayZero, List<FollowUpEntry> current, List<FollowUpEntry> versions,
            List<CountPoint> counts, IcahtSeries.Early earlyIcaht, IcahtSeries.Late lateIcaht,
            List<BCellPoint> bCellSeries, BCellAplasia.Assessment bCellAplasia) {

        public List<FollowUpEntry> of(Kind kind) {
            return current.stream().filter(e -> e.kind() == kind).toList();
        }

        public List<FollowUpEntry> bloodCounts() {
            return of(Kind.BLOOD_COUNT);
        }

        public List<FollowUpEntry> bCells() {
            return of(Kind.B_CELLS_AND_IMMUNOGLOBULIN);
        }

        public List<FollowUpEntry> infections() {
            return of(Kind.INFECTION);
        }

        public List<FollowUpEntry> subsequentTherapies() {
            return of(Kind.SUBSEQUENT_THERAPY);
        }

        public List<FollowUpEntry> persistence() {
            return of(Kind.CAR_T_PERSISTENCE);
        }

        /** The earlier versions of an entry, newest first (its correction history). */
        public List<FollowUpEntry> earlierVersions(FollowUpEntry entry) {
            return versions.stream().filter(v -> v.entryId().equals(entry.entryId()) && v.version() < entry.version())
                    .sorted(Comparator.comparingInt(FollowUpEntry::version).reversed()).toList();
        }

        public long dayOf(LocalDate date) {
            return ChronoUnit.DAYS.between(dayZero, date);
        }
    }

    private static final BigDecimal CELLS_PER_MICROLITRE_PER_10E9_PER_L = new BigDecimal("1000");

    /**
     * The default B-cell aplasia threshold, CD19+ B cells per µL (see {@link BCellAplasia} for the source; setting
     * {@code cartpath.followup.b-cell-aplasia-below-cells-per-microlitre}).
     */
    public static final BigDecimal DEFAULT_B_CELL_APLASIA_BELOW = new BigDecimal("100");

    private final FollowUpEntryStore store;
    private final PlanStore plans;
    private final OutcomeEventStore events;
    private final FollowUpAccess access;
    private final FollowUpPlans followUp;
    private final AuditTrail audit;
    private final Clock clock;
    private final InterfaceResultStore interfaceResults;
    private final BigDecimal bCellAplasiaBelow;

    FollowUpEntries(FollowUpEntryStore store, PlanStore plans, OutcomeEventStore events, FollowUpAccess access,
            FollowUpPlans followUp, AuditTrail audit, Clock clock, InterfaceResultStore interfaceResults,
            @Value("${cartpath.followup.b-cell-aplasia-below-cells-per-microlitre:100}") BigDecimal bCellAplasiaBelow) {
        if (bCellAplasiaBelow.signum() <= 0) {
            throw new IllegalStateException("cartpath.followup.b-cell-aplasia-below-cells-per-microlitre must be"
                    + " above 0");
        }
        this.interfaceResults = interfaceResults;
        this.bCellAplasiaBelow = bCellAplasiaBelow;
        this.store = store;
        this.plans = plans;
        this.events = events;
        this.access = access;
        this.followUp = followUp;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Day 0 of a case the actor may record entries for: 404 for another organisation's case, 403 for a role that does
     * not keep follow-up, 409 {@code case-not-infused} without an infusion. Callers check it before reading the input.
     */
    @Transactional(readOnly = true)
    public LocalDate dayZeroForRecording(Actor actor, CaseId id) {
        access.keepFollowUp(actor, id, "record follow-up counts, immunoglobulins and infections");
        return plans.find(id).map(PlanStore.PlanRow::dayZero).orElseThrow(FollowUpEntries::notInfused);
    }

    /** Records a new entry (version 1); 400 naming the field for what was entered (see {@link #check}). */
    @Transactional
    public FollowUpEntry record(Actor actor, CaseId id, Entry entry) {
        access.keepFollowUp(actor, id, "record follow-up counts, immunoglobulins and infections");
        LocalDate dayZero = plans.findForUpdate(id).map(PlanStore.PlanRow::dayZero)
                .orElseThrow(FollowUpEntries::notInfused);
        Map<String, Object> values = check(entry, dayZero, followUp.today(), died(id), null);
        refuseRepeat(id, entry, values);
        FollowUpEntry saved = save(actor, id, entry, values, UUID.randomUUID(), 1, null);
        audit.record(actor, "FOLLOW_UP_ENTRY_RECORDED", "FollowUpEntry", saved.entryId().toString(), null,
                auditView(id, saved), null);
        return saved;
    }

    /**
     * A form sent twice (a double click, a page re-posted, a replayed request) records nothing twice: an entry whose
     * current version has the same kind, date and values is refused with 409 {@code entry-already-recorded} on the
     * date, and the person corrects the one recorded instead. The plan row is locked first, so two at once are
     * serialised.
     */
    private void refuseRepeat(CaseId id, Entry entry, Map<String, Object> values) {
        Map<UUID, FollowUpEntry> current = new java.util.HashMap<>();
        for (FollowUpEntry version : store.versions(id)) {
            current.merge(version.entryId(), version, (a, b) -> a.version() >= b.version() ? a : b);
        }
        boolean repeated = current.values().stream().anyMatch(e -> e.kind() == entry.kind()
                && e.observedOn().equals(entry.observedOn()) && comparable(e.values()).equals(comparable(values)));
        if (repeated) {
            String message = "The same " + entry.kind().label().toLowerCase() + " on " + entry.observedOn()
                    + " is already recorded; correct that entry if it was wrong";
            throw new ProblemException("entry-already-recorded", 409, "Already recorded", message,
                    List.of(new ProblemException.FieldProblem("observedOn", message)), Map.of());
        }
    }

    /** Values as text, numbers without trailing zeros, so that 1.2 entered and 1.20 read back compare equal. */
    private static Map<String, String> comparable(Map<String, Object> values) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(v)));
        return out;
    }

    /**
     * Corrects an entry: a new version with the reason, the earlier versions kept. 404 for an entry not the case's;
     * 400 {@code reason} without one; 400 {@code kind} for another kind; 409 {@code stale-version} when
     * {@code expectedVersion} is given and is not the latest.
     */
    @Transactional
    public FollowUpEntry correct(Actor actor, CaseId id, UUID entryId, Entry entry, String reason,
            Integer expectedVersion) {
        access.keepFollowUp(actor, id, "correct follow-up counts, immunoglobulins and infections");
        LocalDate dayZero = plans.findForUpdate(id).map(PlanStore.PlanRow::dayZero)
                .orElseThrow(FollowUpEntries::notInfused);
        FollowUpEntry before = store.latestVersion(id, entryId)
                .orElseThrow(() -> new NotFoundException("follow-up entry", entryId));
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        Map<String, Object> values;
        try {
            values = check(entry, dayZero, followUp.today(), died(id), before.kind());
        } catch (ProblemException e) {
            throw why == null ? withReasonProblem(e) : e;
        }
        if (why == null) {
            throw ProblemException.invalid("reason", "give the reason for the correction");
        }
        if (why.length() > TextLimits.LONG) {
            throw ProblemException.invalid("reason", "must be at most " + TextLimits.LONG + " characters");
        }
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ProblemException.conflict("stale-version", "The entry changed since you read it (now version "
                    + before.version() + "); reload it");
        }
        FollowUpEntry saved = save(actor, id, entry, values, entryId, before.version() + 1, why);
        audit.record(actor, "FOLLOW_UP_ENTRY_CORRECTED", "FollowUpEntry", entryId.toString(), auditView(id, before),
                auditView(id, saved), why);
        return saved;
    }

    /** The latest version of an entry, for the correction form (the actor keeps follow-up; 404 otherwise). */
    @Transactional(readOnly = true)
    public FollowUpEntry entryForCorrection(Actor actor, CaseId id, UUID entryId) {
        dayZeroForRecording(actor, id);
        return store.latestVersion(id, entryId).orElseThrow(() -> new NotFoundException("follow-up entry", entryId));
    }

    /** The case's entries as the actor may see them (the follow-up readers); 404/403 otherwise. */
    @Transactional(readOnly = true)
    public History history(Actor actor, CaseId id) {
        access.read(actor, id);
        return history(id);
    }

    /** The entries of a case the caller has already checked the actor may see (the case page). */
    @Transactional(readOnly = true)
    public History history(CaseView view) {
        return history(view.therapyCase().id());
    }

    private History history(CaseId id) {
        return plans.find(id).map(PlanStore.PlanRow::dayZero).map(dayZero -> summarise(dayZero, store.versions(id),
                        interfaceResults.ofCase(id), bCellAplasiaBelow))
                // before the infusion there is no day 0 and nothing recorded
                .orElseGet(() -> new History(null, List.of(), List.of(), List.of(), null, null, List.of(),
                        BCellAplasia.assess(List.of(), bCellAplasiaBelow)));
    }

    /** The current versions, the counts by date and ICAHT from them, without results from interfaces. */
    static History summarise(LocalDate dayZero, List<FollowUpEntry> versions) {
        return summarise(dayZero, versions, List.of(), DEFAULT_B_CELL_APLASIA_BELOW);
    }

    /**
     * The current versions; the counts by date, typed and from interfaces; ICAHT from the ANC series; B cells and
     * B-cell aplasia (ADR 0035). A value typed for a date wins over the interfaces' results of that date: a date with
     * a typed blood count (or B-cell entry) uses the typed values only, since a person checked them and may have
     * corrected them; a date without one uses the interfaces' results of that date, the lowest of each count (the one
     * that grades cytopenia) and the highest CD19+ B-cell count (the one that shows B cells returning). So a result
     * both typed and received is counted once.
     */
    static History summarise(LocalDate dayZero, List<FollowUpEntry> versions, List<InterfaceResult> received,
            BigDecimal bCellAplasiaBelow) {
        Map<UUID, FollowUpEntry> latest = new LinkedHashMap<>();
        for (FollowUpEntry v : versions) {
            latest.merge(v.entryId(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<FollowUpEntry> current = latest.values().stream().sorted(Comparator
                .comparing(FollowUpEntry::observedOn).thenComparing(FollowUpEntry::recordedAt)).toList();
        List<CountPoint> counts = new ArrayList<>();
        java.util.Set<LocalDate> typedCountDates = new java.util.HashSet<>();
        java.util.Set<LocalDate> typedBCellDates = new java.util.HashSet<>();
        List<BCellPoint> bCells = new ArrayList<>();
        for (FollowUpEntry e : current) {
            if (e.kind() == Kind.BLOOD_COUNT) {
                typedCountDates.add(e.observedOn());
                counts.add(new CountPoint((int) ChronoUnit.DAYS.between(dayZero, e.observedOn()), e.observedOn(),
                        e.number("anc"), e.number("platelets"), e.number("haemoglobin"),
                        Boolean.TRUE.equals(e.values().get("growthFactor")),
                        Boolean.TRUE.equals(e.values().get("redCellTransfusion"))
                                || Boolean.TRUE.equals(e.values().get("plateletTransfusion")), e, TYPED));
            } else if (e.kind() == Kind.B_CELLS_AND_IMMUNOGLOBULIN) {
                typedBCellDates.add(e.observedOn());
                bCells.add(new BCellPoint(e.observedOn(), e.number("cd19BCells"), e.number("igg"),
                        (Boolean) e.values().get("ivigGiven"), e, TYPED));
            }
        }
        Map<LocalDate, List<InterfaceResult>> byDate = new TreeMap<>();
        for (InterfaceResult r : received) {
            if (!r.observedOn().isBefore(dayZero)) {
                byDate.computeIfAbsent(r.observedOn(), d -> new ArrayList<>()).add(r);
            }
        }
        byDate.forEach((on, results) -> {
            String source = results.stream().map(InterfaceResult::source).distinct()
                    .collect(java.util.stream.Collectors.joining("; "));
            if (!typedCountDates.contains(on)) {
                BigDecimal anc = lowest(results, "ANC");
                BigDecimal platelets = lowest(results, "PLATELETS");
                BigDecimal haemoglobin = lowest(results, "HAEMOGLOBIN");
                if (anc != null || platelets != null || haemoglobin != null) {
                    counts.add(new CountPoint((int) ChronoUnit.DAYS.between(dayZero, on), on, anc, platelets,
                            haemoglobin, false, false, null, source));
                }
            }
            if (!typedBCellDates.contains(on)) {
                BigDecimal cd19 = results.stream().filter(r -> r.measurement().equals("CD19_B_CELLS"))
                        .map(InterfaceResult::value).max(BigDecimal::compareTo).orElse(null);
                BigDecimal igg = lowest(results, "IGG");
                if (cd19 != null || igg != null) {
                    bCells.add(new BCellPoint(on, cd19, igg, null, null, source));
                }
            }
        });
        counts.sort(Comparator.comparing(CountPoint::on));
        bCells.sort(Comparator.comparing(BCellPoint::on));
        Map<Integer, Double> earlyAnc = new TreeMap<>();
        List<Double> lateAnc = new ArrayList<>();
        for (CountPoint c : counts) {
            if (c.anc() == null || c.day() < 0) {
                continue;
            }
            double perMicrolitre = c.anc().multiply(CELLS_PER_MICROLITRE_PER_10E9_PER_L).doubleValue();
            if (c.day() <= IcahtSeries.EARLY_LAST_DAY) {
                earlyAnc.merge(c.day(), perMicrolitre, Math::min);
            } else {
                lateAnc.add(perMicrolitre);
            }
        }
        BCellAplasia.Assessment aplasia = BCellAplasia.assess(bCells.stream()
                .filter(b -> b.cd19BCells() != null)
                .map(b -> new BCellAplasia.Count(b.on(), b.cd19BCells())).toList(), bCellAplasiaBelow);
        return new History(dayZero, current, versions, counts, IcahtSeries.early(earlyAnc), IcahtSeries.late(lateAnc),
                bCells, aplasia);
    }

    private static BigDecimal lowest(List<InterfaceResult> results, String measurement) {
        return results.stream().filter(r -> r.measurement().equals(measurement)).map(InterfaceResult::value)
                .min(BigDecimal::compareTo).orElse(null);
    }

    /**
     * The refusals of what was entered, each naming its field ({@code values.<name>} for the values), and the values
     * as stored: numbers (0 or more, at most the field's plausible maximum), yes/no, text, codes; unknown fields are
     * left out.
     */
    static Map<String, Object> check(Entry entry, LocalDate dayZero, LocalDate today, LocalDate died, Kind kept) {
        List<FieldProblem> problems = new ArrayList<>();
        if (entry.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: one of " + List.of(Kind.values())));
        } else if (kept != null && entry.kind() != kept) {
            problems.add(new FieldProblem("kind", "a correction keeps the kind of the entry (" + kept.label()
                    + "); record a new entry instead"));
        }
        if (entry.observedOn() == null) {
            problems.add(new FieldProblem("observedOn", "is required"));
        } else if (entry.observedOn().isBefore(dayZero)) {
            problems.add(new FieldProblem("observedOn", "must be on or after day 0, the infusion on " + dayZero));
        } else if (entry.observedOn().isAfter(today)) {
            problems.add(new FieldProblem("observedOn", "cannot be in the future"));
        } else if (died != null && entry.observedOn().isAfter(died)) {
            problems.add(new FieldProblem("observedOn", "cannot be after the patient's death on " + died));
        }
        if (entry.sourceDocument() != null && entry.sourceDocument().length() > TextLimits.SHORT) {
            problems.add(new FieldProblem("sourceDocument", "must be at most " + TextLimits.SHORT + " characters"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (entry.kind() != null) {
            Map<String, Object> raw = entry.values() == null ? Map.of() : entry.values();
            for (Field field : entry.kind().fields()) {
                Object value = value(field, raw.get(field.name()), problems);
                if (value != null) {
                    values.put(field.name(), value);
                }
            }
            if (entry.kind() == Kind.B_CELLS_AND_IMMUNOGLOBULIN && problems.isEmpty()
                    && values.get("cd19BCells") == null && values.get("igg") == null
                    && !Boolean.TRUE.equals(values.get("ivigGiven"))) {
                problems.add(new FieldProblem("values.cd19BCells", "give the CD19+ B cells or the IgG, or record"
                        + " that immunoglobulin replacement was given"));
            }
            if (entry.kind() == Kind.CAR_T_PERSISTENCE && problems.isEmpty()) {
                persistenceProblems(values, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return values;
    }

    /**
     * A persistence result's value and unit go together; qPCR is counted in copies/µg of DNA and flow in cells
     * (a percentage, at most 100, or cells/µL); a value above 0 is a detection (docs/clinical/follow-up.md).
     */
    private static void persistenceProblems(Map<String, Object> values, List<FieldProblem> problems) {
        BigDecimal value = (BigDecimal) values.get("value");
        String unit = (String) values.get("unit");
        String method = (String) values.get("method");
        if (value != null && unit == null) {
            problems.add(new FieldProblem("values.unit", "is required with a result"));
            return;
        }
        if (value == null && unit != null) {
            problems.add(new FieldProblem("values.value", "is required with its unit"));
            return;
        }
        if (unit == null) {
            return;
        }
        boolean copies = "COPIES_PER_MICROGRAM_DNA".equals(unit);
        if ("QPCR".equals(method) != copies) {
            problems.add(new FieldProblem("values.unit", "QPCR".equals(method)
                    ? "a qPCR result is in copies/µg DNA" : "a flow cytometry result is a percentage of cells or"
                    + " cells/µL, not copies/µg DNA"));
        } else if (unit.startsWith("PERCENT") && value.compareTo(new BigDecimal("100")) > 0) {
            problems.add(new FieldProblem("values.value", "must be at most 100 %"));
        } else if (value.signum() > 0 && Boolean.FALSE.equals(values.get("detected"))) {
            problems.add(new FieldProblem("values.detected", "a result above 0 is a detection: record detected yes,"
                    + " or leave the result empty"));
        }
    }

    private static Object value(Field field, Object raw, List<FieldProblem> problems) {
        String name = "values." + field.name();
        if (raw instanceof String s && s.isBlank()) {
            raw = null;
        }
        if (raw == null) {
            if (field.required()) {
                problems.add(new FieldProblem(name, "is required"));
            }
            return null;
        }
        switch (field.type()) {
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = raw instanceof BigDecimal b ? b
                            : raw instanceof Number || raw instanceof String ? new BigDecimal(raw.toString().trim())
                            : null;
                } catch (NumberFormatException e) {
                    number = null;
                }
                if (number == null) {
                    problems.add(new FieldProblem(name, "must be a number"));
                    return null;
                }
                if (number.signum() < 0) {
                    problems.add(new FieldProblem(name, "cannot be negative"));
                    return null;
                }
                if (number.compareTo(field.max()) > 0) {
                    problems.add(new FieldProblem(name, "must be at most " + field.max().toPlainString()
                            + (field.unit() == null ? "" : " " + field.unit()) + ": check the unit"));
                    return null;
                }
                return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if ("true".equals(raw) || "false".equals(raw)) {
                    return Boolean.valueOf((String) raw);
                }
                problems.add(new FieldProblem(name, "must be yes (true) or no (false)"));
                return null;
            }
            case CHOICE -> {
                String code = raw.toString().trim();
                if (field.choices().stream().noneMatch(c -> c.code().equals(code))) {
                    problems.add(new FieldProblem(name, "must be one of " + field.choices().stream()
                            .map(FollowUpEntry.Choice::code).toList()));
                    return null;
                }
                return code;
            }
            default -> {
                if (!(raw instanceof String s)) {
                    problems.add(new FieldProblem(name, "must be text"));
                    return null;
                }
                if (s.length() > TextLimits.SHORT) {
                    problems.add(new FieldProblem(name, "must be at most " + TextLimits.SHORT + " characters"));
                    return null;
                }
                return s.trim();
            }
        }
    }

    private LocalDate died(CaseId id) {
        return events.death(id).map(OutcomeEvent::occurredOn).orElse(null);
    }

    private FollowUpEntry save(Actor actor, CaseId id, Entry entry, Map<String, Object> values, UUID entryId,
            int version, String correctionReason) {
        String source = entry.sourceDocument() == null || entry.sourceDocument().isBlank() ? null
                : entry.sourceDocument().trim();
        FollowUpEntry saved = new FollowUpEntry(UUID.randomUUID(), entryId, version, entry.kind(), entry.observedOn(),
                values, source, correctionReason, actor.displayName(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        store.insert(id, saved, actor.id());
        return saved;
    }

    private static ProblemException withReasonProblem(ProblemException e) {
        List<FieldProblem> problems = new ArrayList<>(e.fieldProblems());
        problems.add(new FieldProblem("reason", "give the reason for the correction"));
        return ProblemException.invalid(problems);
    }

    private static Map<String, Object> auditView(CaseId id, FollowUpEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", id.toString());
        view.put("kind", e.kind().name());
        view.put("version", e.version());
        view.put("observedOn", e.observedOn().toString());
        view.put("values", e.values());
        view.put("sourceDocument", e.sourceDocument());
        return view;
    }

    private static ProblemException notInfused() {
        return ProblemException.conflict("case-not-infused", "Follow-up entries are recorded after the infusion: this"
                + " case has no infusion recorded yet, so it has no day 0");
    }
}
