/**
 * Interoperability: how hospital systems exchange data with cartpath in HL7 standards. {@code hl7} is the HL7 v2
 * listener (MLLP): ORU^R01 laboratory results matched by NHS number to a patient with an open case at the centre,
 * filed with the message they came from, and the interface work queue for what cannot be filed (ADR 0024).
 *
 * <p>It is not the system of record of anything but the messages themselves: cartpath's modules stay the owners of
 * patients and cases, and this module reaches them only through their public APIs.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "patient", "journey", "monitoring"})
package org.cartpath.interop;
