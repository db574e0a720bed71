package org.cartpath.identity;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;

/**
 * An applied electronic signature (21 CFR 11.50): who signed (printed name at the time of signing), in
 * which role, with what meaning, when (server time), and over which record, identified by type, id and
 * the SHA-256 digest of its canonical content.
 */
public record ElectronicSignature(
        UUID id,
        UserId signerId,
        String printedName,
        Role role,
        SignatureMeaning meaning,
        OrganisationId organisationId,
        String recordType,
        String recordId,
        String recordHash,
        String reason,
        Instant signedAt) {

    /** The manifestation of the signature (21 CFR 11.50(a)), e.g. "Dr A Shah, Consultant — approved, 26 Nov 2026 14:03". */
    public String manifestation(java.time.ZoneId zone) {
        return printedName + ", " + role.label() + " — " + meaning.label() + ", "
                + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(zone).format(signedAt);
    }
}
