package org.cartpath.custody.labels;

import java.time.LocalDate;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;

/** Label content with safe defaults; each test changes only what it is about. */
final class LabelFixtures {

    static final ChainOfIdentityId COI = ChainOfIdentityId.parse("&/CHG123426A1B2C3");
    static final Din DIN = Din.parse("G123426000042");
    static final PatientIdentity PATIENT = new PatientIdentity("SMITH, Jane", "9434765919", LocalDate.of(1985, 3, 14));
    static final String PRODUCT = "Kymriah (tisagenlecleucel)";
    static final LocalDate COLLECTED = LocalDate.of(2026, 11, 26);

    private LabelFixtures() {
    }

    static LabelContent label(LabelKind kind) {
        return new LabelContent(kind, COI, DIN, PRODUCT, COLLECTED,
                kind.carriesPatientIdentity() ? PATIENT : null, false, null);
    }

    /** A label given the patient's identity whatever its kind, as a careless caller might. */
    static LabelContent withPatient(LabelKind kind) {
        return new LabelContent(kind, COI, DIN, PRODUCT, COLLECTED, PATIENT, false, null);
    }

    static LabelContent reprint(LabelKind kind, String reason) {
        return new LabelContent(kind, COI, DIN, PRODUCT, COLLECTED, PATIENT, true, reason);
    }
}
