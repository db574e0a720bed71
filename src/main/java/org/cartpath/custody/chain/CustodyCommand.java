package org.cartpath.custody.chain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to record something that happened to an item. {@link Custody#decide} checks it against the item's
 * history and turns it into the next {@link CustodyEvent}, or refuses it with the reason.
 *
 * @param by the organisation of whoever records it (for a hand-over, the giver or the receiver)
 */
public record CustodyCommand(
        CustodyEventType type,
        Instant occurredAt,
        Party by,
        String actorName,
        String place,
        Party from,
        Party to,
        UUID shipmentId,
        String shipperId,
        VerificationStep step,
        List<UUID> signatureIds,
        String note) {

    public CustodyCommand {
        signatureIds = signatureIds == null ? List.of() : List.copyOf(signatureIds);
    }

    /** Anything but a hand-over or a verification: labelled, shipped, received, stored, issued, thawed… */
    public static CustodyCommand of(CustodyEventType type, Instant at, Party by, String actorName, String place,
            UUID shipmentId, List<UUID> signatureIds, String note) {
        return new CustodyCommand(type, at, by, actorName, place, null, null, shipmentId, null, null, signatureIds, note);
    }

    public static CustodyCommand handOver(Instant at, Party by, String actorName, String place, Party from, Party to,
            UUID shipmentId, String shipperId, List<UUID> signatureIds) {
        return new CustodyCommand(CustodyEventType.HANDED_OVER, at, by, actorName, place, from, to, shipmentId,
                shipperId, null, signatureIds, null);
    }

    public static CustodyCommand verify(Instant at, Party by, String actorName, String place, VerificationStep step,
            List<UUID> signatureIds) {
        return new CustodyCommand(CustodyEventType.VERIFIED, at, by, actorName, place, null, null, null, null, step,
                signatureIds, null);
    }

    CustodyEvent toEvent(int version) {
        return new CustodyEvent(version, type, occurredAt, by, actorName, place, to, shipmentId, shipperId, step,
                signatureIds, note);
    }
}
