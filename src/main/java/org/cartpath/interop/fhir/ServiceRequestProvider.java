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
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * {@code ServiceRequest}: the referral that opened a case (ADR 0034), read by id and searched by {@code patient} with
 * {@code status}, {@code authored}, {@code identifier} (the case reference) and {@code _lastUpdated}, for the clinical
 * staff of the referring hospital and the treating centre who read referrals; nobody else finds one.
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

    private final CareReads reads;

    ServiceRequestProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        return reads.referral(FhirReads.actor(), uuid(id));
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
            @OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<ServiceRequest> found = reads.referrals(FhirReads.actor(), Filters.patient(patient, "patient"));
        found = Filters.status(found, status, r -> r.getStatus().toCode());
        found = Filters.date(found, authored, ServiceRequest::getAuthoredOn);
        found = Filters.identifier(found, identifier, ServiceRequest::getIdentifier);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }

    /** The UUID an id names; an id that is not one is simply not known (404). */
    static UUID uuid(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
    }
}
