package org.cartpath.interop.hl7;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/** A received message as stored: raw, with its header, the first answer given to it and where it stands. */
public record StoredMessage(UUID id, Instant receivedAt, String sendingApplication, String sendingFacility,
        String receivingFacility, String controlId, String messageType, String version, String raw,
        OrganisationId organisationId, String ackCode, Integer errorCode, String reason, MessageStatus status,
        UUID replayOf, String nhsNumber, UUID patientId, UUID caseId, String resolvedByName, Instant resolvedAt,
        String resolutionReason) {

    /** The raw message with one segment a line (HL7 separates segments with a carriage return). */
    public String rawLines() {
        return raw.replace("\r\n", "\n").replace('\r', '\n');
    }
}
