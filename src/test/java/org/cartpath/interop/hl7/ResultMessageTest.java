package org.cartpath.interop.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ResultMessageTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Hl7Codec CODEC = new Hl7Codec();

    /** The seeded code table (V170), without a database. */
    static final LabCodes CODES = new LabCodes(null) {
        private final Map<String, LabMeasurement> codes = Map.of("NEUT", LabMeasurement.ANC, "PLT",
                LabMeasurement.PLATELETS, "CRP", LabMeasurement.CRP, "FERR", LabMeasurement.FERRITIN, "CREA",
                LabMeasurement.CREATININE, "HB", LabMeasurement.HAEMOGLOBIN);
        private final Map<String, BigDecimal> units = Map.of("ANC 10*9/l", BigDecimal.ONE, "PLATELETS 10*9/l",
                BigDecimal.ONE, "CRP mg/dl", BigDecimal.TEN, "CRP mg/l", BigDecimal.ONE, "FERRITIN ng/ml", BigDecimal.ONE,
                "CREATININE mg/dl", new BigDecimal("88.4"), "HAEMOGLOBIN g/dl", BigDecimal.TEN);

        @Override
        Optional<LabMeasurement> measurement(String localCode) {
            return Optional.ofNullable(codes.get(localCode));
        }

        @Override
        Optional<BigDecimal> factor(LabMeasurement measurement, String unit) {
            return Optional.ofNullable(units.get(measurement.name() + " " + normalised(unit)));
        }
    };

    @AfterAll
    static void close() throws Exception {
        CODEC.close();
    }

    private static ResultMessage read(String raw) throws HL7Exception {
        Message message = CODEC.parse(raw);
        return ResultMessage.of(message, Hl7Codec.header(message), LONDON);
    }

    private static String bloods() {
        return Hl7Samples.load(Hl7Samples.MORNING_BLOODS, Hl7Samples.values("RP4", "MSG0001", "9434765919", "20170501"));
    }

    @Test
    void readsTheNhsNumberByItsAssigningAuthorityAndEveryResultOfAVersion251Message() throws Exception {
        ResultMessage message = read(bloods());

        assertThat(message.header()).isEqualTo(new MessageHeader("WINPATH", "RP4LAB", "RP4", "ORU^R01", "MSG0001", "2.5.1"));
        assertThat(message.nhsNumber()).isEqualTo("9434765919");
        assertThat(message.dateOfBirth()).isEqualTo(LocalDate.of(2017, 5, 1));
        assertThat(message.results()).extracting(ResultMessage.Result::code)
                .containsExactly("NEUT", "PLT", "CRP", "FERR", "CREA");
        assertThat(message.results().get(2)).isEqualTo(new ResultMessage.Result("CRP", "C-reactive protein", "NM", "8.5",
                "mg/dL", "F", Instant.parse("2026-12-07T05:50:00Z")));
    }

    @Test
    void readsAVersion23MessageIntoTheSameStructuresTakingTheTimeFromTheRequest() throws Exception {
        ResultMessage message = read(Hl7Samples.load(Hl7Samples.HAEMOGLOBIN_V23,
                Hl7Samples.values("RP4", "MSG0002", "9434765919", "20170501")));

        assertThat(message.header().version()).isEqualTo("2.3");
        assertThat(message.nhsNumber()).isEqualTo("9434765919");
        assertThat(message.results()).containsExactly(new ResultMessage.Result("HB", "Haemoglobin", "NM", "9.1", "g/dL",
                "F", Instant.parse("2026-12-07T06:00:00Z")));
    }

    @Test
    void mapsEveryResultToItsMeasurementConvertedToCartpathsUnit() throws Exception {
        ResultMapping.Outcome outcome = ResultMapping.map(read(bloods()), CODES);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.results()).extracting(FiledResult::measurement, r -> r.value().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LabMeasurement.ANC, "0.4"),
                        org.assertj.core.groups.Tuple.tuple(LabMeasurement.PLATELETS, "45"),
                        org.assertj.core.groups.Tuple.tuple(LabMeasurement.CRP, "85"),
                        org.assertj.core.groups.Tuple.tuple(LabMeasurement.FERRITIN, "2500"),
                        org.assertj.core.groups.Tuple.tuple(LabMeasurement.CREATININE, "44.2"));
    }

    @Test
    void filesNothingOfAMessageWithAnUnmappedCodeAnUnconvertibleUnitOrAPreliminaryResult() throws Exception {
        String raw = bloods().replace("NEUT^Neutrophils", "LDH^Lactate dehydrogenase")
                .replace("|8.5|mg/dL|", "|8.5|mmol/L|").replace("|45|10*9/L|150-450|L|||F|", "|45|10*9/L|150-450|L|||P|");

        ResultMapping.Outcome outcome = ResultMapping.map(read(raw), CODES);

        assertThat(outcome.results()).isEmpty();
        assertThat(outcome.errorCode()).isEqualTo(ErrorCode.TABLE_VALUE_NOT_FOUND);
        assertThat(outcome.problems()).containsExactly(
                "Test code LDH is not in cartpath's code table",
                "PLT has result status P; only final (F) or corrected (C) results are filed",
                "CRP unit 'mmol/L' cannot be converted to mg/L");
    }

    @Test
    void doesNotGuessAValueThatIsNotAPlainNumber() throws Exception {
        ResultMapping.Outcome outcome = ResultMapping.map(read(bloods().replace("|8.5|mg/dL|", "|<0.5|mg/dL|")), CODES);

        assertThat(outcome.errorCode()).isEqualTo(ErrorCode.DATA_TYPE_ERROR);
        assertThat(outcome.problems()).containsExactly("CRP value '<0.5' is not a number");
    }

    @Test
    void readsHl7TimesWithAndWithoutAnOffset() {
        assertThat(Hl7Time.parse("20260701093000", LONDON)).isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
        assertThat(Hl7Time.parse("202612070550+0000", LONDON)).isEqualTo(Instant.parse("2026-12-07T05:50:00Z"));
        assertThat(Hl7Time.parse("20261207055012.1234-0500", LONDON)).isEqualTo(Instant.parse("2026-12-07T10:50:12Z"));
        assertThat(Hl7Time.parse("", LONDON)).isNull();
        assertThatThrownBy(() -> Hl7Time.parse("yesterday", LONDON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hapiRefusesToParseAMessageWithABadSegment() {
        assertThatThrownBy(() -> CODEC.parse(bloods().replace("\rOBR|", "\rTHIS IS NOT A SEGMENT\rOBR|")))
                .isInstanceOf(HL7Exception.class);
    }

    @Test
    void anErrorAcknowledgementCarriesTheCodeTheReasonAndAnErrSegment() throws Exception {
        Message message = CODEC.parse(bloods());

        Message ack = Hl7Codec.acknowledgement(message, Hl7Codec.Answer.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                "No patient with NHS number 9434765919 is known at this centre"));

        String text = ack.encode();
        assertThat(text).contains("MSA|AE|MSG0001").contains("ERR|").contains("204")
                .contains("No patient with NHS number 9434765919 is known at this centre");
    }
}
