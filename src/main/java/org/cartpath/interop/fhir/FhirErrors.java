package org.cartpath.interop.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.stream.Collectors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cartpath's refusals as FHIR answers: a {@link ProblemException} from a module's service becomes the HAPI exception
 * of its status, which HAPI writes as an {@code OperationOutcome}. A 404 names only what the client asked for, never
 * the record behind it (a product's case, say), so an id leaks nothing. Anything unexpected is a 500 that says
 * nothing of its cause but the request id, and is logged.
 */
@Interceptor
class FhirErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FhirErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(RequestDetails request, Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return translate(request, problem);
            }
        }
        if (thrown instanceof BaseServerResponseException known && !(thrown instanceof InternalErrorException)) {
            return known;
        }
        LOG.error("FHIR request {} failed", request.getCompleteUrl(), thrown);
        return new InternalErrorException("Something went wrong on cartpath's side (request "
                + RequestIds.current() + "); nothing was changed");
    }

    private static BaseServerResponseException translate(RequestDetails request, ProblemException problem) {
        String detail = problem.fieldProblems().isEmpty() ? problem.detail() : problem.fieldProblems().stream()
                .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return switch (problem.status()) {
            case 400 -> new InvalidRequestException(detail);
            case 403 -> new ForbiddenOperationException(problem.detail());
            case 404 -> new ResourceNotFoundException(asked(request) + " is not known");
            case 409 -> new ResourceVersionConflictException(problem.detail());
            case 422 -> new UnprocessableEntityException(detail);
            default -> new InternalErrorException(problem.detail());
        };
    }

    private static String asked(RequestDetails request) {
        if (request.getId() != null && request.getId().hasIdPart()) {
            return request.getResourceName() + "/" + request.getId().getIdPart();
        }
        return "The patient named in the search";
    }
}
