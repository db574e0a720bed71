package org.cartpath.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateBoxesTest {

    private static Map<String, String> boxes(String day, String month, String year) {
        return Map.of("born-day", day == null ? "" : day, "born-month", month == null ? "" : month,
                "born-year", year == null ? "" : year);
    }

    @ParameterizedTest
    @CsvSource({
        "27, 3, 2024, 2024-03-27",
        "01, 01, 2000, 2000-01-01",
        "' 9 ', ' 12 ', ' 2019 ', 2019-12-09",
        "29, 2, 2024, 2024-02-29",
        "31, 12, 1999, 1999-12-31",
    })
    void readsRealDates(String day, String month, String year, LocalDate expected) {
        assertThat(DateBoxes.read(boxes(day, month, year), "born")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "29, 2, 2023",
        "31, 4, 2024",
        "0, 1, 2024",
        "1, 13, 2024",
        "1, 1, 24",
        "1, 1, 20245",
        "a, 1, 2024",
        "1, , 2024",
        "1, 1, ",
        "-1, 1, 2024",
        "123, 1, 2024",
    })
    void refusesWhatIsNotARealDate(String day, String month, String year) {
        assertThatThrownBy(() -> DateBoxes.read(boxes(day, month, year), "born"))
                .isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @CsvSource({"'', '', ''", "' ', ' ', ' '"})
    void allBoxesEmptyIsNoDate(String day, String month, String year) {
        assertThat(DateBoxes.read(boxes(day, month, year), "born")).isNull();
    }

    @org.junit.jupiter.api.Test
    void missingFieldsAreEmpty() {
        assertThat(DateBoxes.read(Map.of(), "born")).isNull();
    }
}
