package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The search parameters every search of the façade takes beside its own: {@code _lastUpdated} (the resource's
 * {@code meta.lastUpdated}, FHIR R4 search 3.1.1.5.2) and, where the resource has one, {@code status}. The providers
 * read a patient's resources through the modules and filter them here, before paging.
 */
final class Filters {

    static final String LAST_UPDATED = "_lastUpdated";

    private Filters() {
    }

    static <T extends Resource> List<T> lastUpdated(List<T> resources, DateRangeParam range) {
        if (range == null) {
            return resources;
        }
        Date from = range.getLowerBoundAsInstant();
        Date to = range.getUpperBoundAsInstant();
        return resources.stream().filter(r -> {
            Date at = r.getMeta().getLastUpdated();
            return at != null && (from == null || !at.before(from)) && (to == null || !at.after(to));
        }).toList();
    }

    /** Whether a status code is one of those asked for (any system: status codes are the resource's own). */
    static boolean statusMatches(String code, TokenOrListParam wanted) {
        if (wanted == null) {
            return true;
        }
        for (TokenParam token : wanted.getValuesAsQueryTokens()) {
            if (code != null && code.equals(token.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The resources whose date (by {@code at}) is in the range; none without a date when a range is asked. */
    static <T> List<T> date(List<T> resources, DateRangeParam range, java.util.function.Function<T, Date> at) {
        if (range == null) {
            return resources;
        }
        Date from = range.getLowerBoundAsInstant();
        Date to = range.getUpperBoundAsInstant();
        return resources.stream().filter(r -> {
            Date when = at.apply(r);
            return when != null && (from == null || !when.before(from)) && (to == null || !when.after(to));
        }).toList();
    }

    /** The resources whose status code (by {@code status}) is one of those asked for. */
    static <T> List<T> status(List<T> resources, TokenOrListParam wanted, java.util.function.Function<T, String> status) {
        return wanted == null ? resources : resources.stream().filter(r -> statusMatches(status.apply(r), wanted)).toList();
    }

    /**
     * The resources whose code (by {@code code}) has a coding that one of the tokens names: {@code system|code}, or
     * {@code code} alone in any system.
     */
    static <T> List<T> code(List<T> resources, TokenOrListParam wanted,
            java.util.function.Function<T, org.hl7.fhir.r4.model.CodeableConcept> code) {
        if (wanted == null) {
            return resources;
        }
        return resources.stream().filter(r -> code.apply(r).getCoding().stream().anyMatch(c -> wanted
                .getValuesAsQueryTokens().stream().anyMatch(t -> matches(t, c.getSystem(), c.getCode())))).toList();
    }

    /** The resources with an identifier (by {@code identifiers}) the token names ({@code system|value} or value). */
    static <T> List<T> identifier(List<T> resources, TokenParam wanted,
            java.util.function.Function<T, List<org.hl7.fhir.r4.model.Identifier>> identifiers) {
        if (wanted == null) {
            return resources;
        }
        return resources.stream().filter(r -> identifiers.apply(r).stream()
                .anyMatch(i -> matches(wanted, i.getSystem(), i.getValue()))).toList();
    }

    private static boolean matches(TokenParam token, String system, String value) {
        boolean systemMatches = token.getSystem() == null || token.getSystem().isEmpty()
                || token.getSystem().equals(system);
        return systemMatches && value != null && value.equals(token.getValue());
    }

    /** The patient a {@code patient} (or {@code subject}) reference names; 400 if it names another type. */
    static org.cartpath.patient.PatientId patient(ca.uhn.fhir.rest.param.ReferenceParam patient, String name) {
        if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(name + " must reference a Patient");
        }
        return org.cartpath.patient.PatientId.of(patient.getIdPart());
    }
}
