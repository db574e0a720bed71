package org.cartpath.interop.hl7;

/**
 * The fields of MSH that route a message and make it unique: MSH-3 and MSH-4 (who sent it), MSH-6 (the facility it is
 * for: a treatment centre's ODS code), MSH-9 (its type, e.g. {@code ORU^R01}), MSH-10 (its control id) and MSH-12.
 */
record MessageHeader(String sendingApplication, String sendingFacility, String receivingFacility, String messageType,
        String controlId, String version) {
}
