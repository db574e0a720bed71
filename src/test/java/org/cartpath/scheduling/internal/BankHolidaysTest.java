package org.cartpath.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped GOV.UK bank holidays for England and Wales, and a centre's newer copy. */
class BankHolidaysTest {

    private final BankHolidays shipped = new BankHolidays("", "england-and-wales");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2026-12-24 | -
            2026-12-25 | Christmas Day (bank holiday)
            2026-12-26 | -
            2026-12-28 | Boxing Day (bank holiday)
            2026-12-29 | -
            2026-12-31 | -
            2027-01-01 | New Year’s Day (bank holiday)
            2027-03-26 | Good Friday (bank holiday)
            2027-03-29 | Easter Monday (bank holiday)
            2027-05-03 | Early May bank holiday (bank holiday)
            2027-12-27 | Christmas Day (bank holiday)
            2027-12-28 | Boxing Day (bank holiday)
            2028-01-03 | New Year’s Day (bank holiday)
            2028-01-04 | -
            """)
    void knowsEnglandAndWalesBankHolidaysWithTheirSubstituteDays(LocalDate day, String holiday) {
        assertThat(shipped.on(day).orElse(null)).isEqualTo(holiday);
    }

    @Test
    void eachYearShippedHasItsEightBankHolidaysAndTheDataSaysHowFarItReaches() {
        for (int year = 2025; year <= 2028; year++) {
            int y = year;
            assertThat(shipped.all().keySet().stream().filter(d -> d.getYear() == y)).as("year " + y).hasSize(8);
        }
        assertThat(shipped.knownUntil()).contains(LocalDate.of(2028, 12, 31));
    }

    @Test
    void aCentresNewerCopyReplacesTheShippedOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bank-holidays.json");
        Files.writeString(file, """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "Christmas Day", "date": "2029-12-25", "notes": "", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": [
                  {"title": "St Andrew’s Day", "date": "2029-11-30", "notes": "", "bunting": true}]}}
                """);
        BankHolidays updated = new BankHolidays(file.toString(), "england-and-wales");
        assertThat(updated.on(LocalDate.of(2029, 12, 25))).contains("Christmas Day (bank holiday)");
        assertThat(updated.on(LocalDate.of(2026, 12, 25))).isEmpty();
        assertThat(new BankHolidays(file.toString(), "scotland").on(LocalDate.of(2029, 11, 30))).isPresent();
    }

    @Test
    void aDocumentThatIsNotTheGovUkFormatIsRefusedAtStartNamingWhatIsWrong() {
        assertThatThrownBy(() -> BankHolidays.read("{\"england-and-wales\": {\"events\": []}}", "england-and-wales", "f"))
                .hasMessageContaining("no events for the division 'england-and-wales'");
        assertThatThrownBy(() -> BankHolidays.read("{}", "wales", "f")).hasMessageContaining("no events");
        assertThatThrownBy(() -> BankHolidays.read(
                "{\"d\": {\"events\": [{\"title\": \"Christmas\", \"date\": \"25/12/2029\"}]}}", "d", "f"))
                .hasMessageContaining("'Christmas'").hasMessageContaining("25/12/2029");
        assertThatThrownBy(() -> BankHolidays.read(
                "{\"d\": {\"events\": [{\"title\": \" \", \"date\": \"2029-12-25\"}]}}", "d", "f"))
                .hasMessageContaining("no title");
    }
}
