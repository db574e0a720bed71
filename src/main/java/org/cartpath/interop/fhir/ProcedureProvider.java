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
import org.hl7.fhir.r4.model.Procedure;

/**
 * {@code Procedure}: the apheresis collection ({@code apheresis-<bag>}) and the CAR-T infusion
 * ({@code infusion-<case>}) (ADR 0034), read by id and searched by {@code patient} with {@code status}, {@code date},
 * {@code code} and {@code _lastUpdated}. The collection for those who see the case in full; the infusion for the
 * treating centre's staff who read treatment records.
 */
@Component
class ProcedureProvider implements IResourceProvider {

    private final CareReads reads;

    ProcedureProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<Procedure> getResourceType() {
        return Procedure.class;
    }

    @Read
    public Procedure read(@IdParam IdType id) {
        String asked = "Procedure/" + id.getIdPart();
        String value = id.getIdPart();
        try {
            if (value.startsWith(TreatmentResources.APHERESIS + "-")) {
                return reads.apheresis(FhirReads.actor(),
                        UUID.fromString(value.substring(TreatmentResources.APHERESIS.length() + 1)), asked);
            }
            if (value.startsWith(TreatmentResources.INFUSION + "-")) {
                return reads.infusion(FhirReads.actor(),
                        UUID.fromString(value.substring(TreatmentResources.INFUSION.length() + 1)), asked);
            }
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
        throw new ResourceNotFoundException(id);
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Procedure.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Procedure.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Procedure.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<Procedure> found = reads.procedures(FhirReads.actor(), Filters.patient(patient, "patient"));
        found = Filters.status(found, status, p -> p.getStatus().toCode());
        found = Filters.date(found, date, p -> p.hasPerformedPeriod() ? p.getPerformedPeriod().getStart()
                : p.hasPerformedDateTimeType() ? p.getPerformedDateTimeType().getValue() : null);
        found = Filters.code(found, code, Procedure::getCode);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
