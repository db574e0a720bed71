/**
 * Interoperability: how hospital systems, laboratories and research systems exchange data with cartpath in the
 * standards they already speak. The HL7 FHIR R4 façade under {@code /fhir} ({@code fhir}, ADR 0023) reads the
 * other modules' records through their public APIs and translates them into FHIR resources; the HL7 v2 listener
 * ({@code hl7}) files what hospital systems send.
 *
 * <p>It is never a second store of clinical data: cartpath's modules stay the system of record, and every read and
 * write goes through their services, so scoping, audit and the clinical rules are theirs. It holds no clinical rule
 * of its own beyond the mapping of cartpath's fields to standard codes (LOINC, UCUM, the FHIR value sets).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "patient", "journey", "custody",
                "treatment", "monitoring"})
package org.cartpath.interop;
