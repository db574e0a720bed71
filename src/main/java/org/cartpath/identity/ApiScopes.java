package org.cartpath.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SMART App Launch v1 system scopes (https://hl7.org/fhir/smart-app-launch/1.0.0/scopes-and-launch-context.html:
 * {@code system/<resource type>.read|write}) that an API token may carry for cartpath's FHIR façade (ADR 0030). A
 * scope narrows what the token's roles allow and never widens it: {@code system/Observation.write} lets a token send
 * observations only where its roles would let it record them. Only the scopes listed here exist; a token that names
 * none gets {@link #DEFAULT}.
 */
public final class ApiScopes {

    public static final String READ_ALL = "system/*.read";
    public static final String WRITE_OBSERVATIONS = "system/Observation.write";

    /** Tokens issued without a choice, and those issued before scopes existed (V205): read only. */
    public static final Set<String> DEFAULT = Set.of(READ_ALL);

    /** Every scope a token may carry, with what it allows in words, in the order the token page lists them. */
    public static final Map<String, String> CHOICES = choices();

    private ApiScopes() {
    }

    private static Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(READ_ALL, "Read every kind of FHIR resource its roles let it read");
        for (String type : new String[] {"Patient", "Observation", "BiologicallyDerivedProduct", "Condition",
                "AdverseEvent", "ServiceRequest", "CarePlan", "Task", "Specimen", "Procedure",
                "MedicationAdministration", "Provenance", "AuditEvent"}) {
            choices.put("system/" + type + ".read", "Read " + type + " resources only");
        }
        choices.put(WRITE_OBSERVATIONS, "Send vital signs and laboratory results (a transaction of Observations)");
        return java.util.Collections.unmodifiableMap(choices);
    }

    /** Whether {@code scopes} let a token read resources of {@code type}. */
    public static boolean mayRead(Set<String> scopes, String type) {
        return scopes.contains(READ_ALL) || scopes.contains("system/" + type + ".read");
    }

    /** Whether {@code scopes} let a token write resources of {@code type} (only Observation can be written). */
    public static boolean mayWrite(Set<String> scopes, String type) {
        return "Observation".equals(type) && scopes.contains(WRITE_OBSERVATIONS);
    }
}
