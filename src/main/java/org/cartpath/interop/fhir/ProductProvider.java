package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Ids;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code BiologicallyDerivedProduct}: the bags of a case's cells, read by any party of the case (a manufacturer or
 * courier sees them without the patient), and searched by {@code patient} by those who see the patient.
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
