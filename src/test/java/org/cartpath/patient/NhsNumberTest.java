package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NHS Data Dictionary, "NHS Number": Modulus 11 with weights 10 to 2, and every error message. */
class NhsNumberTest {

    static Stream<Arguments> validNumbers() {
        return Stream.of(
                // the example NHS number used throughout NHS Digital's documentation: weighted sum 299, remainder 2
                arguments("9434765919", "9434765919", "943 476 5919"),
                arguments("943 476 5919", "9434765919", "943 476 5919"),
                arguments("943-476-5919", "9434765919", "943 476 5919"),
                arguments("  943 476 5919 ", "9434765919", "943 476 5919"),
                // weighted sum 92, remainder 4, check digit 7
                arguments("401 023 2137", "4010232137", "401 023 2137"),
                // weighted sum 330, remainder 0: 11 - 0 = 11 becomes check digit 0
                arguments("9876543210", "9876543210", "987 654 3210"));
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void acceptsValidNumbersWithOrWithoutSpacesAndDashes(String typed, String stored, String shown) {
        NhsNumber number = NhsNumber.parse(typed);
        assertThat(number.value()).isEqualTo(stored);
        assertThat(number.formatted()).isEqualTo(shown);
        assertThat(NhsNumber.problemIn(typed)).isEmpty();
    }

    static Stream<Arguments> invalidNumbers() {
        return Stream.of(
                arguments(null, "is required"),
                arguments("", "is required"),
                arguments("   ", "is required"),
                arguments("94347659A9", "must contain only digits, spaces and dashes"),
                arguments("943.476.5919", "must contain only digits, spaces and dashes"),
                arguments("943476591", "must be 10 digits, not 9"),
                arguments("94347659190", "must be 10 digits, not 11"),
                arguments("943 476 591", "must be 10 digits, not 9"),
                // the last digit of 943 476 5919 mistyped
                arguments("9434765918", "is not valid: the check digit does not match, so a digit may be mistyped"),
                // two digits swapped: weighted sum changes, check digit no longer matches
                arguments("9434765991", "is not valid: the check digit does not match, so a digit may be mistyped"),
                arguments("4857773456", "is not valid: the check digit does not match, so a digit may be mistyped"),
                // weighted sum of 123456789 is 210, remainder 1: the check digit would be 10, so none is issued
                arguments("1234567890", "is not valid: no NHS number is issued with these first nine digits"),
                arguments("1234567891", "is not valid: no NHS number is issued with these first nine digits"));
    }

    @ParameterizedTest
    @MethodSource("invalidNumbers")
    void refusesInvalidNumbersWithAnExactMessage(String typed, String message) {
        assertThat(NhsNumber.problemIn(typed)).contains(message);
        assertThatThrownBy(() -> NhsNumber.parse(typed))
                .isInstanceOfSatisfying(InvalidNhsNumberException.class, e -> {
                    assertThat(e.type()).isEqualTo("invalid-nhs-number");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).isEqualTo("nhsNumber: " + message);
                    assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("nhsNumber");
                        assertThat(p.message()).isEqualTo(message);
                    });
                });
    }

    static Stream<String> tenIdenticalDigits() {
        return IntStream.rangeClosed(0, 9).mapToObj(d -> String.valueOf(d).repeat(10));
    }

    @ParameterizedTest
    @MethodSource("tenIdenticalDigits")
    void everyTenIdenticalDigitsPassesModulus11(String number) {
        // 54d mod 11 = 11 - d, so the check digit of ddddddddd is d: why these need a rule of their own
        assertThat(NhsNumber.checkDigitFor(number.substring(0, 9))).isEqualTo(number.charAt(9) - '0');
    }

    @ParameterizedTest
    @MethodSource("tenIdenticalDigits")
    void refusesTenIdenticalDigits(String number) {
        String message = "must not be the same digit ten times: such numbers are never issued";
        assertThat(NhsNumber.problemIn(number)).contains(message);
        assertThat(NhsNumber.problemIn(number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6)))
                .contains(message);
        assertThatThrownBy(() -> NhsNumber.parse(number)).hasMessage("nhsNumber: " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "94347659", "9434765918"})
    void theConstructorTakesOnlyTenValidDigits(String value) {
        assertThatThrownBy(() -> new NhsNumber(value)).isInstanceOf(InvalidNhsNumberException.class);
    }

    @Test
    void namesTheFieldItWasGivenIn() {
        assertThatThrownBy(() -> NhsNumber.parse("123", "q"))
                .isInstanceOfSatisfying(InvalidNhsNumberException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("q"));
    }

    @Test
    void equalNumbersAreEqualHoweverTheyWereTyped() {
        assertThat(NhsNumber.parse("943 476 5919")).isEqualTo(NhsNumber.parse("943-476-5919"))
                .isEqualTo(new NhsNumber("9434765919"));
        assertThat(NhsNumber.parse("9434765919")).hasToString("9434765919");
    }
}
