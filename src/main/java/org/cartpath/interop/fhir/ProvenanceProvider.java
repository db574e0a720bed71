package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.hl7.fhir.r4.model.Provenance;

/**
 * {@code Provenance}: the chain of custody of a bag of cells, one step each (ADR 0034), read by id and searched by
 * {@code target} (the {@code BiologicallyDerivedProduct}) by any party of its case, a manufacturer or courier too (it
 * names nobody), or by {@code patient} by those who see the patient; with {@code recorded} and {@code _lastUpdated}.
 */
@Component
class ProvenanceProvider implements IResourceProvider {

    private final CareReads reads;

    ProvenanceProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<Provenance> getResourceType() {
        return Provenance.class;
    }

    @Read
    public Provenance read(@IdParam IdType id) {
        Provenances.Parsed parsed = Provenances.parse(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        return reads.provenanceStep(FhirReads.actor(), parsed, "Provenance/" + id.getIdPart());
    }

    @Search
    public IBundleProvider byTarget(@RequiredParam(name = Provenance.SP_TARGET) ReferenceParam target,
            @OptionalParam(name = Provenance.SP_RECORDED) DateRangeParam recorded,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        if (target.getResourceType() != null && !"BiologicallyDerivedProduct".equals(target.getResourceType())) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
                    "target must reference a BiologicallyDerivedProduct");
        }
        UUID bag;
        try {
            bag = UUID.fromString(target.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("BiologicallyDerivedProduct/" + target.getIdPart() + " is not known");
        }
        List<Provenance> found = reads.provenance(FhirReads.actor(), bag);
        found = Filters.date(found, recorded, Provenance::getRecorded);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = Provenance.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Provenance.SP_RECORDED) DateRangeParam recorded,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<Provenance> found = reads.provenanceOfPatient(FhirReads.actor(), Filters.patient(patient, "patient"));
        found = Filters.date(found, recorded, Provenance::getRecorded);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
