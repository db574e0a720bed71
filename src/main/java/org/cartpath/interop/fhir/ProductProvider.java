package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.InvalidIdentifierException;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Ids;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code BiologicallyDerivedProduct}: the bags of a case's cells, read by any party of the case (a manufacturer or
 * courier sees them without the patient), searched by {@code identifier} (COI or DIN) by any party and by
 * {@code patient} by those who see the patient.
 */
@Component
class ProductProvider implements IResourceProvider {

    private final FhirReads reads;

    ProductProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<BiologicallyDerivedProduct> getResourceType() {
        return BiologicallyDerivedProduct.class;
    }

    @Read
    public BiologicallyDerivedProduct read(@IdParam IdType id) {
        return reads.product(FhirReads.actor(), Ids.parse(id.getIdPart(), "product"));
    }

    /**
     * The bags a chain-of-identity identifier ({@code identifier=http://hl7.org/fhir/NamingSystem/iccbba-other|<COI>})
     * or a DIN ({@code …/iccbba-din|<DIN>}) names, for any party of their case (a manufacturer knows the cells by their
     * COI); nothing for anyone else. Without a system the value is tried as a COI, then as a DIN.
     */
    @Search
    public IBundleProvider byIdentifier(@RequiredParam(name = "identifier")
            TokenParam identifier, @Offset Integer offset, @Count Integer count) {
        var actor = FhirReads.actor();
        String system = identifier.getSystem() == null ? "" : identifier.getSystem();
        String value = identifier.getValue() == null ? "" : identifier.getValue().trim();
        List<BiologicallyDerivedProduct> found;
        try {
            if (system.equals(FhirCodes.ISBT128_OTHER)) {
                found = reads.productsNamed(actor, new ChainOfIdentityId(value), null);
            } else if (system.equals(FhirCodes.ISBT128_DIN)) {
                found = reads.productsNamed(actor, null, new Din(value));
            } else if (system.isEmpty()) {
                found = ChainOfIdentityId.problemsIn("&/" + value).isEmpty()
                        ? reads.productsNamed(actor, new ChainOfIdentityId(value), null)
                        : reads.productsNamed(actor, null, new Din(value));
            } else {
                found = List.of();
            }
        } catch (InvalidIdentifierException e) {
            throw new InvalidRequestException("identifier: " + e.getMessage());
        }
        return Paging.page(found, offset, count);
    }

    /** The bags of the patient's cells ({@code patient=Patient/<id>}), for those who see the patient; 404 otherwise. */
    @Search
    public IBundleProvider byPatient(@RequiredParam(name = "patient") ReferenceParam patient, @Offset Integer offset,
            @Count Integer count) {
        var actor = FhirReads.actor();
        PatientId patientId = PatientId.of(patient.getIdPart());
        reads.patient(actor, patientId);
        return Paging.page(reads.products(actor, patientId), offset, count);
    }
}
