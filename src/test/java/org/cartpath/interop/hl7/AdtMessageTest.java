package org.cartpath.interop.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cartpath.patient.Address;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AdtMessageTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Hl7Codec CODEC = new Hl7Codec();
    private static final String NHS = "9434765919";
    private static final String MERGED = "9434765870";
    private static final Address HOME = new Address("1 Acacia Avenue", null, "Leeds", "LS1 1AA");

    @AfterAll
    static void close() throws Exception {
        CODEC.close();
    }

    private static AdtMessage read(String raw) throws HL7Exception {
        Message message = CODEC.parse(raw);
        return AdtMessage.of(message, Hl7Codec.header(message), LONDON);
    }

    private static String sample(String name, String address, String merged) {
        Map<String, String> values = new java.util.HashMap<>(Hl7Samples.adt("RP4", "ADT0001", NHS, "McKenzie", "Isla",
                "20170501", address));
        values.put("MERGED", merged);
        return Hl7Samples.load(name, values);
    }

    private static Demographics current() {
        return new Demographics(3, NhsNumber.parse(NHS), "H123456", null, null, "Isla", "McKenzie",
                LocalDate.of(2017, 5, 1), Sex.FEMALE, HOME, Instant.parse("2026-01-01T00:00:00Z"), "Coordinator",
                "Centre", null);
    }

    @Test
    void readsTheNhsNumberNameBirthDateSexAndAddressOfAnA08() throws Exception {
        AdtMessage message = read(sample(Hl7Samples.UPDATE_PATIENT, "2 Beech Road^Flat 3^York^^YO1 7HH^GBR^H", ""));

        assertThat(message.event()).isEqualTo("A08");
        assertThat(message.header().messageType()).isEqualTo("ADT^A08");
        assertThat(message.nhsNumber()).isEqualTo(NHS);
        assertThat(message.familyName()).isEqualTo("McKenzie");
        assertThat(message.givenName()).isEqualTo("Isla");
        assertThat(message.dateOfBirth()).isEqualTo(LocalDate.of(2017, 5, 1));
        assertThat(message.sex()).isEqualTo(Sex.FEMALE);
        assertThat(message.address()).isEqualTo(new Address("2 Beech Road", "Flat 3", "York", "YO1 7HH"));
        assertThat(message.eventAt()).isEqualTo(Instant.parse("2026-12-07T08:59:00Z"));
    }

    /** HL7 v2.5.1 chapter 2.5.3: an empty field is "no change", two double quotes are "delete". */
    @ParameterizedTest(name = "PID-11 ''{0}'' is {1}")
    @CsvSource(delimiter = ';', value = {
            "'';no change",
            "'\"\"';cleared",
            "'2 Beech Road^^York^^YO1 7HH';2 Beech Road, York, YO1 7HH"})
    void readsAnEmptyAddressAsNoChangeAndTwoDoubleQuotesAsCleared(String field, String expected) throws Exception {
        Address address = read(sample(Hl7Samples.UPDATE_PATIENT, field, "")).address();

        String read = address == null ? "no change" : address.empty() ? "cleared"
                : String.join(", ", Stream.of(address.line1(), address.line2(), address.town(), address.postcode())
                        .filter(java.util.Objects::nonNull).toList());
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void readsBothNhsNumbersOfAnA40Merge() throws Exception {
        AdtMessage message = read(sample(Hl7Samples.MERGE, "", MERGED));

        assertThat(message.event()).isEqualTo("A40");
        assertThat(message.nhsNumber()).isEqualTo(NHS);
        assertThat(message.mergedNhsNumber()).isEqualTo(MERGED);
    }

    @Test
    void readsTheWardAndAdmissionTimeOfAnA01() throws Exception {
        AdtMessage message = read(sample(Hl7Samples.ADMISSION, "", ""));

        assertThat(message.event()).isEqualTo("A01");
        assertThat(message.ward()).isEqualTo("SKYLARK");
        assertThat(message.admittedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0} is event {1}")
    @CsvSource(nullValues = "none", value = {"ADT^A08,A08", "ADT^A40,A40", "ADT^A04,A04", "ORU^R01,none",
            "ADT,none", "none,none"})
    void theEventOfAMessageTypeIsTheTriggerOfAnAdtMessageOnly(String type, String event) {
        assertThat(AdtMessage.event(type)).isEqualTo(event);
    }

    @ParameterizedTest(name = "PID-8 {0} is {1}")
    @CsvSource({"F,FEMALE", "M,MALE", "A,INDETERMINATE", "O,INDETERMINATE", "U,NOT_KNOWN", "N,NOT_KNOWN"})
    void mapsHl7AdministrativeSexToThePatientsSex(String code, Sex sex) {
        assertThat(AdtMessage.sex(code)).isEqualTo(sex);
    }

    @Test
    void refusesAnAdministrativeSexOutsideTable0001() {
        assertThatThrownBy(() -> AdtMessage.sex("X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table 0001");
    }

    static Stream<Arguments> updates() {
        LocalDate born = LocalDate.of(2017, 5, 1);
        Address york = new Address("2 Beech Road", null, "York", "YO1 7HH");
        return Stream.of(
                Arguments.of("the same details", "McKenzie", "Isla", born, Sex.FEMALE, HOME, List.of(), null),
                Arguments.of("the family name in capitals", "MCKENZIE", "ISLA", born, null, null, List.of(), null),
                Arguments.of("a new address", "McKenzie", "Isla", born, Sex.FEMALE, york, List.of("address"), null),
                Arguments.of("the address cleared", null, null, null, null, Address.NONE, List.of("address"), null),
                Arguments.of("nothing but the NHS number", null, null, null, null, null, List.of(), null),
                Arguments.of("a new family name", "Brown", "Isla", born, Sex.FEMALE, null, List.of("name"), null),
                Arguments.of("a corrected date of birth", "McKenzie", "Isla", born.plusDays(1), null, null,
                        List.of("dateOfBirth"), null),
                Arguments.of("another sex", null, null, null, Sex.MALE, null, List.of("sex"), null),
                Arguments.of("another family name and date of birth", "Brown", "Isla", born.plusYears(1), null, null,
                        List.of(), ErrorCode.UNKNOWN_KEY_IDENTIFIER),
                Arguments.of("the family name deleted", "\"\"", "Isla", null, null, null, List.of(),
                        ErrorCode.REQUIRED_FIELD_MISSING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void anUpdateChangesOnlyWhatTheMessageGivesAndNeverAppliesWhatLooksLikeAnotherPerson(String what, String family,
            String given, LocalDate born, Sex sex, Address address, List<String> changed, ErrorCode refusal) {
        AdtMessage message = new AdtMessage(null, "A08", NHS, family, given, born, sex, address, null, null, null,
                null, null, null);

        DemographicsUpdate update = DemographicsUpdate.of(current(), message);

        assertThat(update.errorCode()).isEqualTo(refusal);
        assertThat(update.changed()).isEqualTo(changed);
        if (refusal == null) {
            assertThat(update.details().nhsNumber()).isEqualTo(NHS);
            assertThat(update.details().localHospitalNumber()).isEqualTo("H123456");
            assertThat(update.changesIdentity()).isEqualTo(changed.contains("name") || changed.contains("dateOfBirth"));
        }
    }

    @Test
    void aNewNameKeepsTheGivenNameWhenTheMessageOmitsIt() {
        AdtMessage message = new AdtMessage(null, "A31", NHS, "Brown", null, null, null, null, null, null, null, null,
                null, null);

        DemographicsUpdate update = DemographicsUpdate.of(current(), message);

        assertThat(update.details().familyName()).isEqualTo("Brown");
        assertThat(update.details().givenName()).isEqualTo("Isla");
        assertThat(update.details().address()).isEqualTo(HOME);
        assertThat(update.changesIdentity()).isTrue();
    }
}
