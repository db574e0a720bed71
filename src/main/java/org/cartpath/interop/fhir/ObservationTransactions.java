package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import org.cartpath.shared.Actor;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction Bundle of Observations (ADR 0030): the token needs the scope
 * {@code system/Observation.write}; then {@link ObservationIntake} checks every entry and stores all or none. The
 * answer is a transaction-response Bundle: {@code 201 Created} for a new Observation, {@code 200 OK} for one the
 * centre already held under that identifier (a replay).
 */
@Component
class ObservationTransactions {

    private final ObservationIntake intake;
    private final FhirScopes scopes;

    ObservationTransactions(ObservationIntake intake, FhirScopes scopes) {
        this.intake = intake;
        this.scopes = scopes;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
        scopes.requireWrite(request, "Observation");
        Actor actor = FhirReads.actor();
        List<ObservationIntake.Answered> answers;
        try {
            answers = intake.store(actor, intake.decide(actor, bundle));
        } catch (DuplicateKeyException raced) {
            // the same identifier was stored by a copy of this Bundle at the same moment: decided again, it is a replay
            answers = intake.store(actor, intake.decide(actor, bundle));
        }
        Bundle response = new Bundle();
        response.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (ObservationIntake.Answered answer : answers) {
            String location = "Observation/" + answer.observation().fhirId();
            response.addEntry().setFullUrl(request.getFhirServerBase() + "/" + location).getResponse()
                    .setStatus(answer.created() ? "201 Created" : "200 OK").setLocation(location);
        }
        return response;
    }
}
