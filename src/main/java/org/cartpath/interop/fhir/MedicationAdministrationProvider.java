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
import org.hl7.fhir.r4.model.MedicationAdministration;

/**
 * {@code MedicationAdministration}: the lymphodepletion doses ({@code ld-<case>-<dose>}: fludarabine,
 * cyclophosphamide, bendamustine) and the tocilizumab doses ({@code toci-<case>-<dose>}) of a case (ADR 0034), read by
 * id and searched by {@code patient} with {@code status}, {@code effective-time}, {@code code} and
 * {@code _lastUpdated}, for the treating centre's staff who read treatment and monitoring records. Steroids are not
 * recorded in cartpath (only the guidance is shown), so none is emitted.
 */
@Component
class MedicationAdministrationProvider implements IResourceProvider {

    private final CareReads reads;

    MedicationAdministrationProvider(CareReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<MedicationAdministration> getResourceType() {
        return MedicationAdministration.class;
    }

    @Read
    public MedicationAdministration read(@IdParam IdType id) {
        String asked = "MedicationAdministration/" + id.getIdPart();
        var lymphodepletion = TwoPartIds.parse(TreatmentResources.LYMPHODEPLETION, id.getIdPart());
        if (lymphodepletion.isPresent()) {
            return reads.lymphodepletionDose(FhirReads.actor(), lymphodepletion.get()[0], lymphodepletion.get()[1], asked);
        }
        UUID[] tocilizumab = TwoPartIds.parse(TreatmentResources.TOCILIZUMAB, id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        return reads.tocilizumabDose(FhirReads.actor(), tocilizumab[0], tocilizumab[1], asked);
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationAdministration.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = MedicationAdministration.SP_EFFECTIVE_TIME) DateRangeParam effective,
            @OptionalParam(name = MedicationAdministration.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        List<MedicationAdministration> found = reads.administrations(FhirReads.actor(),
                Filters.patient(patient, "patient"));
        found = Filters.status(found, status, m -> m.getStatus().toCode());
        found = Filters.date(found, effective, m -> m.hasEffectiveDateTimeType()
                ? m.getEffectiveDateTimeType().getValue() : null);
        found = Filters.code(found, code, MedicationAdministration::getMedicationCodeableConcept);
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }
}
