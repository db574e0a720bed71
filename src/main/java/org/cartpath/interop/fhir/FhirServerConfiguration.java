package org.cartpath.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the FHIR server at {@code /fhir/*}; its filter chain (bearer tokens) is identity's. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FhirServerConfiguration {

    @Bean
    ServletRegistrationBean<CartpathFhirServer> fhirServlet(PatientProvider patients, ObservationProvider observations,
            ProductProvider products, ConditionProvider conditions, AdverseEventProvider adverseEvents,
            ServiceRequestProvider referrals, CarePlanProvider carePlans, TaskProvider tasks, SpecimenProvider specimens,
            ProcedureProvider procedures, MedicationAdministrationProvider administrations,
            ProvenanceProvider provenance, AuditEventProvider audit,
            ObservationTransactions transactions, FhirScopes scopes) {
        CartpathFhirServer server = new CartpathFhirServer(FhirContext.forR4Cached(),
                List.of(patients, observations, products, conditions, adverseEvents, referrals, carePlans, tasks,
                        specimens, procedures, administrations, provenance, audit),
                List.of(transactions), scopes);
        ServletRegistrationBean<CartpathFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        // initialised by the first FHIR request, not at start-up: HAPI's RestfulServer takes about 2 s to scan its
        // providers, and readiness need not wait for it (docs/benchmarks.md, "Start-up")
        registration.setLoadOnStartup(-1);
        return registration;
    }
}
