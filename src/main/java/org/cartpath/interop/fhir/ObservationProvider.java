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
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Actor;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * {@code Observation}: read, and search by {@code patient} with {@code code}, {@code date}, {@code status} and
 * {@code _lastUpdated}, newest first. The
 * vital signs and grades of toxicity monitoring are seen only by the treating centre's staff who see monitoring
 * (ADR 0011); weights, heights and organ function by whoever sees the patient's record.
 */
@Component
class ObservationProvider implements IResourceProvider {

    private final FhirReads reads;

    ObservationProvider(FhirReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        Actor actor = FhirReads.actor();
        if (id.getIdPart() != null && id.getIdPart().startsWith(SentObservation.PREFIX)) {
            try {
                return reads.sentObservation(actor,
                        java.util.UUID.fromString(id.getIdPart().substring(SentObservation.PREFIX.length())));
            } catch (IllegalArgumentException notAnId) {
                throw new ResourceNotFoundException(id);
            }
        }
        ObservationIds.Parsed parsed = ObservationIds.parse(id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        if (parsed.assessmentId() != null) {
            RecordedAssessment assessment = reads.assessment(actor, parsed.assessmentId());
            if (!assessment.current()) {
                throw new ResourceGoneException("Observation/" + id.getIdPart()
                        + " was corrected: a later version of its assessment replaces it");
            }
            return Observations.ofAssessment(reads.patientOfCase(actor, assessment.caseId()), assessment,
                    parsed.measure()).orElseThrow(() -> new ResourceNotFoundException(id));
        }
        PatientId patientId = new PatientId(parsed.patientId());
        return Observations.ofEntry(parsed.patientId(), reads.entry(actor, patientId, parsed.entryId()), parsed.measure())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider byPatient(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Observation.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Filters.LAST_UPDATED) DateRangeParam lastUpdated,
            @Offset Integer offset, @Count Integer count) {
        Actor actor = FhirReads.actor();
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            throw new InvalidRequestException("patient must reference a Patient");
        }
        List<Observation> found = reads.observations(actor, PatientId.of(patient.getIdPart())).stream()
                .filter(o -> code == null || matches(o, code))
                .filter(o -> date == null || within(o, date))
                .filter(o -> Filters.statusMatches(o.getStatus() == null ? null : o.getStatus().toCode(), status))
                .toList();
        return Paging.page(Filters.lastUpdated(found, lastUpdated), offset, count);
    }

    private static boolean matches(Observation o, TokenOrListParam codes) {
        for (TokenParam wanted : codes.getValuesAsQueryTokens()) {
            for (Coding coding : o.getCode().getCoding()) {
                boolean system = wanted.getSystem() == null || wanted.getSystem().isBlank()
                        || wanted.getSystem().equals(coding.getSystem());
                if (system && coding.getCode().equals(wanted.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean within(Observation o, DateRangeParam range) {
        Date at = Observations.effective(o);
        if (at == null) {
            return false;
        }
        Date from = range.getLowerBoundAsInstant();
        Date to = range.getUpperBoundAsInstant();
        return (from == null || !at.before(from)) && (to == null || !at.after(to));
    }
}
