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
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.hl7.fhir.r4.model.Task;

/**
 * {@code Task}: the work items of a case's journey (ADR 0034), read by id ({@code task-<case>-<task>} in base 36) and
 * searched by {@code patient} with {@code status}, {@code authored-on} and {@code _lastUpdated}, for those who see the
 * case in full.
 */
@Component
class TaskProvider implements IResourceProvider {

    private final CareReads reads;

    TaskProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        UUID[] parsed = CareResources.parseTaskId(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        return reads.task(FhirReads.actor(), parsed[0], parsed[1], "Task/" + id.getIdPart());
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = Task.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Task.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Task.SP_AUTHORED_ON) DateRangeParam authoredOn,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<Task> found = reads.tasks(FhirReads.actor(), Filters.patient(patient, "patient"));
        found = Filters.status(found, status, t -> t.getStatus().toCode());
        found = Filters.date(found, authoredOn, Task::getAuthoredOn);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
