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
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * {@code AuditEvent}: the audit trail's rows about a case (ADR 0034), read by the row's number and searched by
 * {@code entity} ({@code CarePlan/<case>}) with {@code date} and {@code _lastUpdated}: only for a treatment centre's
 * auditors and administrators whose token may read AuditEvent ({@code system/AuditEvent.read} or
 * {@code system/*.read}), and only their own organisation's rows. Rows carry no patient identity (ADR 0009).
 */
@Component
class AuditEventProvider implements IResourceProvider {

    private final CareReads reads;

    AuditEventProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        long number;
        try {
            number = Long.parseLong(id.getIdPart());
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
        return reads.auditEvent(FhirReads.actor(), number, "AuditEvent/" + id.getIdPart());
    }

    @Search
    public IBundleProvider byEntity(@RequiredParam(name = AuditEvent.SP_ENTITY) ReferenceParam entity,
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        if (!"CarePlan".equals(entity.getResourceType())) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
                    "entity must reference a case as CarePlan/<id>");
        }
        UUID caseId;
        try {
            caseId = UUID.fromString(entity.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("CarePlan/" + entity.getIdPart() + " is not known");
        }
        List<AuditEvent> found = reads.auditOfCase(FhirReads.actor(), caseId);
        found = Filters.date(found, date, AuditEvent::getRecorded);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
