package org.cartpath.treatment.checklist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where each item of a pre-infusion checklist stands (ADR 0017). Plain Java.
 *
 * <ul>
 *   <li>An automatic item found met is ticked by cartpath, with its evidence; found not met it stays open unless
 *       overridden; undecided (the catalogue has no number, say) it needs a person's tick.</li>
 *   <li>A manual item needs a person's tick. Evidence found against it (consent withdrawn) blocks it.</li>
 *   <li>A tick or override counts for {@code validFor} after it was made (a centre setting): a check made days
 *       ago says nothing about the patient today. A withdrawal cancels the tick before it.</li>
 *   <li>A consultant may override one item at a time, with a signed reason; never an item that is a condition of
 *       the infusion in its own right, nor one whose evidence forbids it.</li>
 * </ul>
 */
public final class ChecklistEvaluation {

    public enum Status { MET, NOT_MET, UNDECIDED }

    /** What cartpath found for an item from other records; {@code overridable} false when nobody may override it. */
    public record Finding(Status status, String evidence, boolean overridable) {
    }

    public enum EntryKind { TICKED, WITHDRAWN, OVERRIDDEN }

    /** A person's tick, withdrawal or override, as recorded. */
    public record Entry(UUID id, String code, EntryKind kind, String note, String byName, String role, Instant at,
            UUID signatureId) {

        /** The role the person acted in, as people name it ("Ward nurse"); the stored code if it is no role. */
        public String roleLabel() {
            return java.util.Arrays.stream(org.cartpath.shared.Role.values()).filter(r -> r.name().equals(role))
                    .findFirst().map(org.cartpath.shared.Role::label).orElse(role);
        }
    }

    public enum State { DONE_BY_CARTPATH, TICKED, OVERRIDDEN, OPEN }

    /**
     * @param entry   the tick or override that counts now, if any
     * @param expired the latest tick or override, when it no longer counts because it is too old
     */
    public record ItemState(ChecklistItem item, Finding finding, State state, Entry entry, Entry expired,
            boolean mayTick, boolean mayOverride) {

        public boolean satisfied() {
            return state != State.OPEN;
        }
    }

    private ChecklistEvaluation() {
    }

    public static List<ItemState> evaluate(List<ChecklistItem> items, Map<String, Finding> findings, List<Entry> entries,
            Instant now, Duration validFor) {
        Instant since = now.minus(validFor);
        List<ItemState> states = new ArrayList<>();
        boolean overrideInUse = items.stream().anyMatch(item -> latest(entries, item.code())
                .filter(e -> e.kind() == EntryKind.OVERRIDDEN && !e.at().isBefore(since)).isPresent());
        for (ChecklistItem item : items) {
            Finding finding = findings.get(item.code());
            Optional<Entry> latest = latest(entries, item.code());
            Entry current = latest.filter(e -> e.kind() != EntryKind.WITHDRAWN && !e.at().isBefore(since)).orElse(null);
            Entry expired = latest.filter(e -> e.kind() != EntryKind.WITHDRAWN && e.at().isBefore(since)).orElse(null);
            boolean blocked = finding != null && finding.status() == Status.NOT_MET;
            boolean tickable = item.kind() == ChecklistItem.Kind.MANUAL ? !blocked
                    : finding != null && finding.status() == Status.UNDECIDED;
            boolean overridable = !ChecklistItem.NEVER_OVERRIDDEN.contains(item.code())
                    && (finding == null || finding.overridable());
            State state;
            if (item.kind() == ChecklistItem.Kind.AUTOMATIC && finding != null && finding.status() == Status.MET) {
                state = State.DONE_BY_CARTPATH;
                current = null;
            } else if (current != null && current.kind() == EntryKind.OVERRIDDEN && overridable) {
                state = State.OVERRIDDEN;
            } else if (current != null && current.kind() == EntryKind.TICKED && tickable) {
                state = State.TICKED;
            } else {
                state = State.OPEN;
                current = null;
            }
            boolean mayOverride = overridable && state != State.DONE_BY_CARTPATH && state != State.OVERRIDDEN
                    && !overrideInUse;
            states.add(new ItemState(item, finding, state, current, expired, tickable && state != State.DONE_BY_CARTPATH,
                    mayOverride));
        }
        return states;
    }

    public static boolean complete(List<ItemState> states) {
        return states.stream().allMatch(ItemState::satisfied);
    }

    private static Optional<Entry> latest(List<Entry> entries, String code) {
        return entries.stream().filter(e -> e.code().equals(code)).max(Comparator.comparing(Entry::at));
    }
}
