package org.cartpath.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * HAPI FHIR's plain server, with cartpath's providers. The CapabilityStatement is the one HAPI generates from the
 * providers, so it names only what is implemented; it adds how clients authenticate and the SMART-style scopes of
 * their tokens (ADR 0030).
 */
class CartpathFhirServer extends RestfulServer {

    static final String SECURITY = "Bearer API tokens issued by a cartpath administrator for one organisation and its "
            + "roles ('Authorization: Bearer cpt_...'). A token sees exactly what it sees on cartpath's REST API "
            + "(/api/v1): a treatment centre its own patients and cases; a manufacturer or courier no Patient and no "
            + "patient identity. Each token also carries SMART v1 system scopes chosen when it is issued "
            + "(system/*.read, system/<type>.read, system/Observation.write); they narrow what its roles allow and never "
            + "widen it, and a request outside them is refused with 403. AuditEvent (the audit rows about a case, "
            + "searched by entity=CarePlan/<case>) is read only by a treatment centre's auditors and administrators, "
            + "their own organisation's rows. A transaction Bundle of Observations "
            + "(vital signs, laboratory results) needs system/Observation.write; each entry is a conditional create "
            + "on its identifier (ifNoneExist=identifier=<system>|<value>), so a replay creates nothing twice.";

    CartpathFhirServer(FhirContext context, List<Object> providers, List<Object> plainProviders, FhirScopes scopes) {
        super(context);
        setResourceProviders(providers.stream().map(p -> (ca.uhn.fhir.rest.server.IResourceProvider) p).toList());
        setPlainProviders(plainProviders);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPageSize(Paging.DEFAULT_COUNT);
        setServerName("cartpath");
        setImplementationDescription("cartpath FHIR R4 facade: the treatment centre's CAR-T records; "
                + "vital signs and laboratory results in");
        registerInterceptor(new FhirErrors());
        registerInterceptor(scopes);
        registerInterceptor(new Capabilities());
    }

    @Interceptor
    static class Capabilities {

        @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
        public void describe(IBaseConformance generated) {
            CapabilityStatement statement = (CapabilityStatement) generated;
            statement.setPublisher("cartpath");
            for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
                rest.getSecurity().setCors(false).setDescription(SECURITY);
            }
        }
    }
}
