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
import java.util.UUID;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Actor;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** {@code Condition}: the patient's diagnoses, read and searched by {@code patient} (and {@code _lastUpdated}), for whoever sees the record. */
@Component
class ConditionProvider implements IResourceProvider {

    private final FhirReads reads;

    ConditionProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        Actor actor = FhirReads.actor();
        UUID[] parsed = Conditions.parse(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        return Conditions.ofEntry(parsed[0], reads.entry(actor, new PatientId(parsed[0]), parsed[1]))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            throw new InvalidRequestException("patient must reference a Patient");
        }
        return Paging.page(Filters.lastUpdated(reads.conditions(FhirReads.actor(), PatientId.of(patient.getIdPart())),
                lastUpdated), offset, count);
    }
}
