package org.cartpath.custody.chain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.journey.CaseId;

/**
 * Something that is held and handed over, under the case's COI: a collection bag (its DIN and collection date),
 * a shipper (its shipper id) or a product bag (lot and bag number). Never changed once registered.
 */
public record CustodyItem(
        UUID id,
        CaseId caseId,
        ChainOfIdentityId coi,
        ItemKind kind,
        Din din,
        String shipperId,
        String lot,
        Integer bagNumber,
        LocalDate collectionDate,
        Instant createdAt) {

    public static CustodyItem collectionBag(CaseId caseId, ChainOfIdentityId coi, Din din, LocalDate collected, Instant at) {
        return new CustodyItem(UUID.randomUUID(), caseId, coi, ItemKind.COLLECTION_BAG, din, null, null, null, collected, at);
    }

    public static CustodyItem shipper(CaseId caseId, ChainOfIdentityId coi, String shipperId, Instant at) {
        return new CustodyItem(UUID.randomUUID(), caseId, coi, ItemKind.SHIPPER, null, shipperId, null, null, null, at);
    }

    public static CustodyItem productBag(CaseId caseId, ChainOfIdentityId coi, String lot, int bagNumber, Instant at) {
        return new CustodyItem(UUID.randomUUID(), caseId, coi, ItemKind.PRODUCT_BAG, null, null, lot, bagNumber, null, at);
    }

    /** How people refer to it: "DIN G9701 26 000001", "shipper DS-0042", "lot 4471A bag 1". */
    public String label() {
        return switch (kind) {
            case COLLECTION_BAG -> "DIN " + din.eyeReadable();
            case SHIPPER -> "shipper " + shipperId;
            case PRODUCT_BAG -> "lot " + lot + " bag " + bagNumber;
        };
    }
}
