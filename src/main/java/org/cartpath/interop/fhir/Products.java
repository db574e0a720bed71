package org.cartpath.interop.fhir;

import java.util.Date;
import java.util.UUID;
import org.cartpath.custody.CellProduct;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct.BiologicallyDerivedProductCategory;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct.BiologicallyDerivedProductStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A bag of a case's cells as a FHIR {@code BiologicallyDerivedProduct}: its chain-of-identity identifier and, for the
 * collection, its DIN (ISBT 128, docs/clinical/isbt128.md), the product code of the case, and whether it is still
 * available. The patient it came from is named only to an actor who sees the patient in full: manufacturers and
 * couriers get the product without the patient (ADR 0019).
 */
final class Products {

    private Products() {
    }

    /**
     * @param patientId the patient the cells came from, or null when the actor may not know who they are
     */
    static BiologicallyDerivedProduct toFhir(CellProduct product, String productCode, UUID patientId) {
        BiologicallyDerivedProduct resource = new BiologicallyDerivedProduct();
        resource.setId(product.id().toString());
        resource.getMeta().setLastUpdated(Date.from(product.registeredAt()));
        Identifier coi = resource.addIdentifier().setSystem(FhirCodes.ISBT128_OTHER).setValue(product.coi().content());
        coi.getType().setText("Chain of Identity identifier (ISBT 128)");
        if (product.din() != null) {
            Identifier din = resource.addIdentifier().setSystem(FhirCodes.ISBT128_DIN).setValue(product.din().value());
            din.getType().setText("Donation Identification Number (ISBT 128)");
        }
        if (product.lot() != null) {
            Identifier lot = resource.addIdentifier().setSystem(FhirCodes.PRODUCT_LOT)
                    .setValue(product.lot() + (product.bagNumber() == null ? "" : "/" + product.bagNumber()));
            lot.getType().setText("Manufacturer's lot and bag number");
        }
        resource.setProductCategory(BiologicallyDerivedProductCategory.CELLS);
        resource.getProductCode().addCoding().setSystem(FhirCodes.PRODUCT).setCode(productCode);
        resource.getProductCode().setText(product.kind() == CellProduct.Kind.COLLECTION_BAG
                ? "Apheresis collection for " + productCode : productCode);
        resource.setStatus(product.available() ? BiologicallyDerivedProductStatus.AVAILABLE
                : BiologicallyDerivedProductStatus.UNAVAILABLE);
        resource.setQuantity(1);
        if (product.collectionDate() != null || patientId != null) {
            BiologicallyDerivedProduct.BiologicallyDerivedProductCollectionComponent collection = resource.getCollection();
            if (product.collectionDate() != null) {
                collection.setCollected(new DateTimeType(product.collectionDate().toString()));
            }
            if (patientId != null) {
                collection.setSource(new Reference("Patient/" + patientId));
            }
        }
        return resource;
    }
}
