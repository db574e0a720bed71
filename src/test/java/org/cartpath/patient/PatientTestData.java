package org.cartpath.patient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data for patients: fresh valid NHS numbers, so that tests sharing one database never collide. */
public final class PatientTestData {

    private PatientTestData() {
    }

    /** A random NHS number that passes Modulus 11 (never ten identical digits). */
    public static String nhsNumber() {
        while (true) {
            String nine = String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000));
            int check = NhsNumber.checkDigitFor(nine);
            if (check != 10 && NhsNumber.problemIn(nine + check).isEmpty()) {
                return nine + check;
            }
        }
    }

    /** A registration request body for the API, born in 2015 (a child: Lansky scale). */
    public static Map<String, Object> registration(String nhsNumber, String familyName) {
        Map<String, Object> body = new HashMap<>();
        body.put("nhsNumber", nhsNumber);
        body.put("givenName", "Amira");
        body.put("familyName", familyName);
        body.put("dateOfBirth", "2015-03-02");
        body.put("sex", "FEMALE");
        body.put("address", Map.of("line1", "1 Park Row", "town", "Leeds", "postcode", "LS1 5AB"));
        return body;
    }

    public static PatientDetails details(String nhsNumber, String familyName, LocalDate born) {
        return new PatientDetails(nhsNumber, null, "Amira", familyName, born, Sex.FEMALE,
                new Address("1 Park Row", null, "Leeds", "LS1 5AB"));
    }
}
