package org.cartpath.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * A bag of a case's cells as other modules may read it (the FHIR façade's {@code BiologicallyDerivedProduct}): the
 * patient's collected cells under their DIN, or a bag of the product made from them under the manufacturer's lot, both
 * under the case's chain of identity. Shippers are containers, not products, and are not listed.
 *
 * @param din            the collection's Donation Identification Number; only for a collection bag
 * @param lot            the manufacturer's lot; only for a product bag
 * @param collectionDate the day the cells were collected; only for a collection bag
 * @param available      whether the bag is still held or travelling (not administered, destroyed or returned)
 */
public record CellProduct(UUID id, CaseId caseId, Kind kind, ChainOfIdentityId coi, Din din, String lot,
        Integer bagNumber, LocalDate collectionDate, boolean available, Instant registeredAt) {

    public enum Kind {
        /** The patient's cells as collected at apheresis. */
        COLLECTION_BAG,
        /** A bag of the manufactured CAR-T product. */
        PRODUCT_BAG
    }
}
