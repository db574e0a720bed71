package org.cartpath.custody.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyboard check character against a published worked example and against an independent
 * reimplementation over many random strings.
 *
 * <p>The worked example is from the UK blood services' Red Book (Guidelines for the Blood Transfusion
 * Services in the UK, annex 2 "ISBT 128 check character calculation", table A2.2): DIN G123 498 654 321,
 * weighted sum 148354, 148354 mod 37 = 21, checksum 17, eye-readable check character H, bar-code flags 77.
 * ICCBBA's ST-001 itself could not be consulted here (it is distributed to licensees), so no example is
 * quoted from it.
 */
class KeyboardCheckCharacterTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    @Test
    void matchesTheRedBookWorkedExample() {
        assertThat(KeyboardCheckCharacter.of("G123498654321")).isEqualTo('H');
        // The Red Book weights the data from 2^1 at the right-hand end: the check character's place is 2^0.
        assertThat(weightedSum("G123498654321" + "0")).isEqualTo(BigInteger.valueOf(148354));
        assertThat(weightedSum("G123498654321" + "0").mod(BigInteger.valueOf(37)).intValue()).isEqualTo(21);
        assertThat(DinFormat.checkFlags("G123498654321")).isEqualTo("77");
    }

    /** Worked by hand from the recursive method: p = ((0 + v) × 2) mod 37, K = (38 - p) mod 37. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 1", // p = 0, K = 1
            "1, *", // p = 2, K = 36
            "*, 3", // p = 72 mod 37 = 35, K = 3
            "Z, 5", // p = 70 mod 37 = 33, K = 5
    })
    void singleCharactersWorkedByHand(String data, char expected) {
        assertThat(KeyboardCheckCharacter.of(data)).isEqualTo(independentCheckCharacter(data)).isEqualTo(expected);
    }

    @Test
    void agreesWithAnIndependentReimplementationOnTenThousandRandomStrings() {
        Random random = new Random(20_261_126L);
        for (int n = 0; n < 10_000; n++) {
            String data = randomData(random, 1 + random.nextInt(60));
            char check = KeyboardCheckCharacter.of(data);
            assertThat(check).as(data).isEqualTo(independentCheckCharacter(data));
            // ISO/IEC 7064: a string with its check character appended has checksum 1.
            assertThat(weightedSum(data + check).mod(BigInteger.valueOf(37)).intValue()).as(data).isEqualTo(1);
        }
    }

    @Test
    void catchesEverySingleSubstitutionAndEveryAdjacentTransposition() {
        Random random = new Random(7064L);
        for (int n = 0; n < 500; n++) {
            String data = randomData(random, 15);
            char check = KeyboardCheckCharacter.of(data);
            int at = random.nextInt(data.length());
            for (char other : ALPHABET.toCharArray()) {
                if (other != data.charAt(at)) {
                    String substituted = data.substring(0, at) + other + data.substring(at + 1);
                    assertThat(KeyboardCheckCharacter.of(substituted)).as(substituted).isNotEqualTo(check);
                }
            }
            if (at + 1 < data.length() && data.charAt(at) != data.charAt(at + 1)) {
                String swapped = data.substring(0, at) + data.charAt(at + 1) + data.charAt(at) + data.substring(at + 2);
                assertThat(KeyboardCheckCharacter.of(swapped)).as(swapped).isNotEqualTo(check);
            }
        }
    }

    @Test
    void refusesEmptyData() {
        assertThat(KeyboardCheckCharacter.problemsIn("")).containsExactly(
                "data is empty: the check character needs at least one character");
        assertThat(KeyboardCheckCharacter.problemsIn(null)).containsExactly(
                "data is empty: the check character needs at least one character");
        assertThatThrownBy(() -> KeyboardCheckCharacter.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data is empty: the check character needs at least one character");
    }

    @Test
    void refusesLowerCaseRatherThanUpperCasingIt() {
        assertThatThrownBy(() -> KeyboardCheckCharacter.of("g123498654321"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("character 'g' not allowed at position 1: expected 0-9, A-Z or *; letters must be upper case");
    }

    @Test
    void namesEveryCharacterOutsideTheSetWithItsPosition() {
        assertThat(KeyboardCheckCharacter.problemsIn("G1-3 \t")).containsExactly(
                "character '-' not allowed at position 3: expected 0-9, A-Z or *",
                "character ' ' not allowed at position 5: expected 0-9, A-Z or *",
                "character U+0009 not allowed at position 6: expected 0-9, A-Z or *");
        assertThat(KeyboardCheckCharacter.problemsIn("G12é")).containsExactly(
                "character U+00E9 not allowed at position 4: expected 0-9, A-Z or *");
    }

    @Test
    void listsAtMostTenRefusedCharactersThenCountsTheRest() {
        assertThat(KeyboardCheckCharacter.problemsIn("-".repeat(25))).hasSize(11)
                .last().isEqualTo("and 15 more characters not allowed");
    }

    @ParameterizedTest(name = "keyed {0}, expected {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | H    | ''",
            "''   | H    | ''",
            "H    | H    | ''",
            "G    | NULL | ''",
            "G    | H    | 'check character does not match: re-scan the bar code, or re-key the identifier and its check character from the label'",
            "h    | H    | 'check character must be a single character 0-9, A-Z or *, got \"h\"; letters must be upper case'",
            "HH   | H    | 'check character must be a single character 0-9, A-Z or *, got \"HH\"'",
            "-    | NULL | 'check character must be a single character 0-9, A-Z or *, got \"-\"'",
    })
    void comparesAKeyedCheckCharacter(String keyed, Character expected, String problem) {
        assertThat(KeyboardCheckCharacter.problemsWithKeyed(keyed, expected))
                .isEqualTo(problem.isEmpty() ? java.util.List.of() : java.util.List.of(problem));
    }

    /**
     * ISO/IEC 7064 pure system, written from its definition rather than the recursive method: the check
     * character K makes the weighted sum of the whole string with K appended, each character's value times
     * 2^(its position from the right, K being position 0), congruent to 1 modulo 37. Exact arithmetic, one
     * reduction at the end.
     */
    private static char independentCheckCharacter(String data) {
        BigInteger sumWithoutCheck = weightedSum(data + "0");
        int k = BigInteger.ONE.subtract(sumWithoutCheck).mod(BigInteger.valueOf(37)).intValue();
        return ALPHABET.charAt(k);
    }

    /** The sum of v(c) × 2^n over the text, n counting from 0 at the right-hand end. */
    private static BigInteger weightedSum(String text) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            BigInteger weight = BigInteger.TWO.pow(text.length() - 1 - i);
            sum = sum.add(weight.multiply(BigInteger.valueOf(ALPHABET.indexOf(text.charAt(i)))));
        }
        return sum;
    }

    private static String randomData(Random random, int length) {
        StringBuilder data = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            data.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return data.toString();
    }
}
