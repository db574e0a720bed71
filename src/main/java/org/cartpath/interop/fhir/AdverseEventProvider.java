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
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.cartpath.patient.PatientId;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code AdverseEvent}: the CRS and ICANS episodes of the patient's cases, read and searched by {@code subject} (and {@code _lastUpdated}) (R4's
 * search parameter of AdverseEvent), only for the treating centre's staff who see monitoring (ADR 0011).
 */
@Component
class AdverseEventProvider implements IResourceProvider {

    private final FhirReads reads;

    AdverseEventProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<AdverseEvent> getResourceType() {
        return AdverseEvent.class;
    }

    @Read
    public AdverseEvent read(@IdParam IdType id) {
        AdverseEvents.Parsed parsed = AdverseEvents.parse(id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        return reads.adverseEvent(FhirReads.actor(), parsed, id.getIdPart());
    }

    @Search
    public IBundleProvider bySubject(@RequiredParam(name = AdverseEvent.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        if (subject.getResourceType() != null && !"Patient".equals(subject.getResourceType())) {
            throw new InvalidRequestException("subject must reference a Patient");
        }
        return Paging.page(Filters.lastUpdated(reads.adverseEvents(FhirReads.actor(),
                PatientId.of(subject.getIdPart())), lastUpdated), offset, count);
    }
}
