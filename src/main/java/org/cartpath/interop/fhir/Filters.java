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
}
