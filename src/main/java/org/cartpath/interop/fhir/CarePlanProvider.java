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
import org.hl7.fhir.r4.model.CarePlan;

/**
 * {@code CarePlan}: a case's journey (ADR 0034), its stage and its tasks, read by the case's id and searched by
 * {@code patient} with {@code status}, {@code date} (the journey's period), {@code identifier} (the case reference)
 * and {@code _lastUpdated}, for those who see the case in full; a manufacturer or courier finds none.
 */
@Component
class CarePlanProvider implements IResourceProvider {

    private final CareReads reads;

    CarePlanProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<CarePlan> getResourceType() {
        return CarePlan.class;
    }

    @Read
    public CarePlan read(@IdParam IdType id) {
        return reads.carePlan(FhirReads.actor(), ServiceRequestProvider.uuid(id));
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = CarePlan.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = CarePlan.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = CarePlan.SP_DATE) DateRangeParam date,
            @OptionalParam(name = CarePlan.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<CarePlan> found = reads.carePlans(FhirReads.actor(), Filters.patient(patient, "patient"));
        found = Filters.status(found, status, p -> p.getStatus().toCode());
        found = Filters.date(found, date, p -> p.getPeriod().getStart());
        found = Filters.identifier(found, identifier, CarePlan::getIdentifier);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
