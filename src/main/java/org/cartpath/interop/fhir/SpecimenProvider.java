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
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.hl7.fhir.r4.model.Specimen;

/**
 * {@code Specimen}: the apheresis collection bag (ADR 0034), read by the bag's id and searched by {@code patient} with
 * {@code status}, {@code collected}, {@code identifier} (the DIN or the chain-of-identity identifier) and
 * {@code _lastUpdated}, for those who see the case in full; a manufacturer reads the same bag only as a
 * BiologicallyDerivedProduct, without the patient.
 */
@Component
class SpecimenProvider implements IResourceProvider {

    private final CareReads reads;

    SpecimenProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<Specimen> getResourceType() {
        return Specimen.class;
    }

    @Read
    public Specimen read(@IdParam IdType id) {
        return reads.specimen(FhirReads.actor(), ServiceRequestProvider.uuid(id), "Specimen/" + id.getIdPart());
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = Specimen.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Specimen.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Specimen.SP_COLLECTED) DateRangeParam collected,
            @OptionalParam(name = Specimen.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<Specimen> found = reads.specimens(FhirReads.actor(), Filters.patient(patient, "patient"));
        found = Filters.status(found, status, s -> s.getStatus().toCode());
        found = Filters.date(found, collected, s -> s.getCollection().hasCollectedDateTimeType()
                ? s.getCollection().getCollectedDateTimeType().getValue() : null);
        found = Filters.identifier(found, identifier, Specimen::getIdentifier);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
