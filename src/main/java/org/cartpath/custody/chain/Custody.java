package org.cartpath.custody.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cartpath.shared.EventDates;
import org.cartpath.shared.ProblemException;

/**
 * The custody of one item, derived from its events: who holds it, where, since when, whether it is in transit,
 * which identity checks it has passed. {@link #decide} is the one place the custody rules live (ADR 0016,
 * docs/clinical/dates.md); {@link #apply} folds an accepted event into the state. Plain Java, no storage.
 *
 * @param version        the version of the last event (0 before the first)
 * @param custodian      the organisation holding the item (the courier while in transit)
 * @param place          where the last event with a place happened
 * @param since          when the current custodian took the item
 * @param lastOccurredAt when the last event happened; a new one may not be earlier
 */
public record Custody(
        UUID itemId,
        ItemKind kind,
        int version,
        ItemStatus status,
        Party custodian,
        String place,
        Instant since,
        Instant lastOccurredAt,
        Set<VerificationStep> verified,
        boolean thawed) {

    /** How far ahead of cartpath's clock an event's time may be: the sender's clock may run a little fast. */
    public static final Duration CLOCK_TOLERANCE = EventDates.CLOCK_TOLERANCE;

    public Custody {
        verified = verified.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(verified));
    }

    public static Custody unlabelled(UUID itemId, ItemKind kind) {
        return new Custody(itemId, kind, 0, ItemStatus.NEW, null, null, null, null, Set.of(), false);
    }

    public static Custody replay(UUID itemId, ItemKind kind, List<CustodyEvent> events) {
        Custody custody = unlabelled(itemId, kind);
        for (CustodyEvent event : events) {
            custody = custody.apply(event);
        }
        return custody;
    }

    /** The next event for {@code command}, or a refusal that names the rule and the current state. */
    public CustodyEvent decide(CustodyCommand command, Instant now) {
        CustodyEventType type = command.type();
        if (status == ItemStatus.NEW && type != CustodyEventType.LABELLED) {
            throw Refusals.rule("not-labelled", describe() + " has no custody record yet: it must be labelled first");
        }
        if (status != ItemStatus.NEW && type == CustodyEventType.LABELLED) {
            throw Refusals.conflict("already-labelled", describe() + " is already labelled; print a reprint instead");
        }
        if (status.isClosed()) {
            throw Refusals.rule("custody-item-closed", describe() + " was " + status.name().toLowerCase() + "; nothing more can be recorded");
        }
        requireTimeInOrder(command.occurredAt(), now);
        requirePlace(command.place());
        switch (type) {
            case LABELLED -> { }
            case VERIFIED -> {
                requireCustodian(command.by());
                requireHeld();
                if (command.step() == null || command.step().itemKind() != kind) {
                    throw Refusals.rule("wrong-item-kind", "A " + (command.step() == null ? "check" : command.step().label())
                            + " is not made on a " + kind.label().toLowerCase());
                }
            }
            case HANDED_OVER -> decideHandOver(command);
            case SHIPPED -> requireCustodian(command.by());
            case RECEIVED -> {
                if (status != ItemStatus.IN_TRANSIT) {
                    throw Refusals.rule("never-shipped", describe() + " was never shipped: it is held by "
                            + custodian.name() + ", not in transit, so it cannot be received");
                }
                if (command.by().is(custodian)) {
                    throw Refusals.rule("not-custodian", "The courier holding " + describe().toLowerCase()
                            + " cannot receive it; the destination does");
                }
            }
            case STORED, ISSUED, DESTROYED, RETURNED -> {
                requireCustodian(command.by());
                if (type != CustodyEventType.RETURNED && type != CustodyEventType.DESTROYED) {
                    requireHeld();
                }
            }
            case THAWED -> {
                requireProduct(type);
                requireCustodian(command.by());
                requireHeld();
                if (thawed) {
                    throw Refusals.rule("already-thawed", describe() + " was already thawed");
                }
            }
            case ADMINISTERED -> {
                requireProduct(type);
                requireCustodian(command.by());
                requireHeld();
                if (!verified.contains(VerificationStep.BEDSIDE)) {
                    throw Refusals.rule("bedside-check-missing", describe()
                            + " has not passed the two-person bedside check; it cannot be administered");
                }
            }
        }
        if ((type == CustodyEventType.DESTROYED || type == CustodyEventType.RETURNED)
                && (command.note() == null || command.note().isBlank())) {
            throw ProblemException.invalid("reason", "say why the item is " + type.label().toLowerCase());
        }
        return command.toEvent(version + 1);
    }

    private void decideHandOver(CustodyCommand command) {
        if (command.from() == null || !command.from().is(custodian)) {
            throw Refusals.rule("not-custodian", (command.from() == null ? "Nobody" : command.from().name())
                    + " is not the current custodian of " + describe().toLowerCase() + ": " + custodian.name()
                    + " holds it");
        }
        if (command.to() == null || command.to().is(custodian)) {
            throw ProblemException.invalid("toOrganisationId", "name the organisation taking the item, not the one holding it");
        }
        if (kind == ItemKind.COLLECTION_BAG && !verified.contains(VerificationStep.COLLECTION)) {
            throw Refusals.rule("identity-not-verified", describe()
                    + " has not passed the two-person collection check; it may not leave");
        }
    }

    /** The state after {@code event}; events come from the log, so they are not checked again. */
    public Custody apply(CustodyEvent event) {
        Party holder = event.newCustodian();
        Party newCustodian = holder != null ? holder : custodian;
        Instant newSince = holder != null ? event.occurredAt() : since;
        ItemStatus newStatus = switch (event.type()) {
            case LABELLED, RECEIVED -> ItemStatus.HELD;
            case HANDED_OVER -> event.to().isCourier() ? ItemStatus.IN_TRANSIT : ItemStatus.HELD;
            case SHIPPED -> ItemStatus.IN_TRANSIT;
            case ADMINISTERED -> ItemStatus.ADMINISTERED;
            case DESTROYED -> ItemStatus.DESTROYED;
            case RETURNED -> ItemStatus.RETURNED;
            default -> status;
        };
        Set<VerificationStep> steps = EnumSet.noneOf(VerificationStep.class);
        steps.addAll(verified);
        if (event.type() == CustodyEventType.VERIFIED) {
            steps.add(event.step());
        }
        return new Custody(itemId, kind, event.version(), newStatus, newCustodian,
                event.place() != null ? event.place() : place, newSince, event.occurredAt(), steps,
                thawed || event.type() == CustodyEventType.THAWED);
    }

    private void requireTimeInOrder(Instant at, Instant now) {
        if (at == null) {
            throw ProblemException.invalid("occurredAt", "is required");
        }
        if (EventDates.inFuture(at, now)) {
            throw EventDates.refusal("timestamp-in-future", "occurredAt", "must not be in the future",
                    "The event's time " + at + " is in the future (cartpath's time is " + now + ")");
        }
        if (lastOccurredAt != null && at.isBefore(lastOccurredAt)) {
            throw EventDates.refusal("out-of-order", "occurredAt", "must not be before the item's last event, "
                    + lastOccurredAt, "The event's time " + at + " is before the item's last event (" + lastOccurredAt
                    + "); events are recorded in the order they happened");
        }
    }

    private static void requirePlace(String place) {
        if (place == null || place.isBlank()) {
            throw ProblemException.invalid("place", "say where it happened");
        }
    }

    private void requireCustodian(Party by) {
        if (!by.is(custodian)) {
            throw Refusals.rule("not-custodian", by.name() + " is not the current custodian of "
                    + describe().toLowerCase() + ": " + custodian.name() + " holds it");
        }
    }

    private void requireHeld() {
        if (status == ItemStatus.IN_TRANSIT) {
            throw Refusals.rule("in-transit", describe() + " is in transit; it must be received first");
        }
    }

    private void requireProduct(CustodyEventType type) {
        if (kind != ItemKind.PRODUCT_BAG) {
            throw Refusals.rule("wrong-item-kind", "Only a product bag can be " + type.label().toLowerCase());
        }
    }

    private String describe() {
        return "The " + kind.label().toLowerCase();
    }
}
