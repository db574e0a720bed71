package org.cartpath.custody.chain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing that happened to an item, as the log keeps it (past tense, never changed).
 *
 * @param version      1 for the first event of an item, then one more for each event
 * @param by           the organisation of the person or system that recorded it
 * @param actorName    the person's printed name, or the system client's name
 * @param to           the organisation an item was handed over to; only for {@link CustodyEventType#HANDED_OVER}
 * @param step         the two-person check made; only for {@link CustodyEventType#VERIFIED}
 * @param signatureIds the electronic signatures that vouch for it, if a person signed
 * @param note         free text (a reason); shown only to organisations that may see the patient's identity
 */
public record CustodyEvent(
        int version,
        CustodyEventType type,
        Instant occurredAt,
        Party by,
        String actorName,
        String place,
        Party to,
        UUID shipmentId,
        String shipperId,
        VerificationStep step,
        List<UUID> signatureIds,
        String note) {

    public CustodyEvent {
        signatureIds = signatureIds == null ? List.of() : List.copyOf(signatureIds);
    }

    /** The organisation holding the item after this event, or {@code null} when this event does not change it. */
    public Party newCustodian() {
        return switch (type) {
            case LABELLED, RECEIVED -> by;
            case HANDED_OVER -> to;
            default -> null;
        };
    }
}
