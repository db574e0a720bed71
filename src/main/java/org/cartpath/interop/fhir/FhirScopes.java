package org.cartpath.interop.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Set;
import org.cartpath.identity.ApiScopes;
import org.cartpath.identity.ApiTokenManagement;
import org.springframework.stereotype.Component;

/**
 * The SMART-style scopes of the request's API token (ADR 0030), checked before a provider runs: a read or search of a
 * resource type needs {@code system/*.read} or {@code system/<type>.read}; {@code Patient/$everything} needs Patient
 * read and leaves out the kinds of resource the token may not read; a transaction needs
 * {@code system/Observation.write} (checked by {@link ObservationTransactions}). A missing scope is 403 with an
 * OperationOutcome that names the scope. Scopes only narrow: the modules' own checks of the token's roles still decide
 * what it sees and may do.
 */
@Component
@Interceptor
class FhirScopes {

    private static final String KEY = FhirScopes.class.getName();

    private final ApiTokenManagement tokens;

    FhirScopes(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
        switch (operation) {
            case METADATA, TRANSACTION -> {
                // metadata is public; a transaction's entries are checked by the transaction's provider
            }
            default -> requireRead(request, request.getResourceName() == null ? "*" : request.getResourceName());
        }
    }

    /** The token's scopes, read once a request. */
    @SuppressWarnings("unchecked")
    Set<String> of(RequestDetails request) {
        Object known = request.getUserData().get(KEY);
        if (known instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> scopes = tokens.scopes(FhirReads.actor());
        request.getUserData().put(KEY, scopes);
        return scopes;
    }

    boolean mayRead(RequestDetails request, String type) {
        return ApiScopes.mayRead(of(request), type);
    }

    void requireRead(RequestDetails request, String type) {
        if (!mayRead(request, type)) {
            throw new ForbiddenOperationException("This API token may not read " + ("*".equals(type) ? "resources"
                    : type + " resources") + ": it needs the scope system/" + type + ".read or "
                    + ApiScopes.READ_ALL);
        }
    }

    void requireWrite(RequestDetails request, String type) {
        if (!ApiScopes.mayWrite(of(request), type)) {
            throw new ForbiddenOperationException("This API token may not write " + type + " resources: it needs the"
                    + " scope " + ApiScopes.WRITE_OBSERVATIONS);
        }
    }
}
