/**
 * Interoperability: how hospital systems, laboratories and research systems exchange data with cartpath in the
 * standards they already speak. The HL7 FHIR R4 façade under {@code /fhir} ({@code fhir}, ADR 0023) reads the
 * other modules' records through their public APIs and translates them into FHIR resources; the HL7 v2 listener
 * ({@code hl7}, MLLP, ADR 0024) files ORU^R01 laboratory results matched by NHS number to a patient with an open case at
 * the centre, with the message they came from, applies ADT demographics changes (A08/A31) and admissions and discharges
 * (A01/A03) through the patient and journey modules, and keeps an interface work queue for what cannot be filed (an
 * unknown patient, an A40 merge, which is never applied by itself). Outbound ({@code outbound}, ADR 0033), it tells a
 * hospital's subscribed system of each stage change of its cases, by a signed notice from a transactional outbox.
 *
 * <p>It is never a second store of clinical data: cartpath's modules stay the system of record, and every read and
 * write goes through their services, so scoping, audit and the clinical rules are theirs; the raw messages are the only
 * records it owns. It holds no clinical rule of its own beyond the mapping of cartpath's fields and hospital codes to
 * standard codes and units (LOINC, UCUM, the FHIR value sets, the code table).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "patient", "journey", "custody",
                "treatment", "monitoring", "referral"})
package org.cartpath.interop;
