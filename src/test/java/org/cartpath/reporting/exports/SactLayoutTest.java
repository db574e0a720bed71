package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.cartpath.shared.Csv;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SACT v4.0 layout over hand-made patients, against the golden file (docs/reporting/sact-export.md). */
class SactLayoutTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);

    static SactPatient child() {
        UUID caseId = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
        return new SactPatient(caseId, "GOSH-2026-0001", UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
                "P-0001", "9990010064", null, LocalDate.of(2017, 6, 20), "OSEI", "Maya", "FEMALE", "LS6 1AA", "RP4",
                "B_ALL", "tisagenlecleucel", LocalDate.of(2026, 7, 8), new BigDecimal("28.40"),
                LocalDate.of(2026, 8, 24), List.of(
                        new SactPatient.Administration("FLUDARABINE", false,
                                OffsetDateTime.parse("2026-08-18T09:30:00Z"), new BigDecimal("29.700")),
                        new SactPatient.Administration("CYCLOPHOSPHAMIDE", false,
                                OffsetDateTime.parse("2026-08-18T10:30:00Z"), new BigDecimal("495")),
                        new SactPatient.Administration("TISAGENLECLEUCEL", true,
                                OffsetDateTime.parse("2026-08-24T10:00:00Z"), null),
                        // July: not in August's rows
                        new SactPatient.Administration("FLUDARABINE", false,
                                OffsetDateTime.parse("2026-07-31T22:59:00Z"), new BigDecimal("29.7"))));
    }

    static SactPatient adult() {
        return new SactPatient(UUID.fromString("00000000-0000-0000-0000-0000000000c2"), "GOSH-2026-0002",
                UUID.fromString("00000000-0000-0000-0000-0000000000a2"), "P-0002", null, "K123, 4", LocalDate.of(
                        1960, 1, 2), "O'Neill", "Seán \"Jack\"", "MALE", "N1 9GU", "RP4", "LBCL", "axicabtagene ciloleucel",
                null, null, LocalDate.of(2026, 9, 4), List.of(
                        new SactPatient.Administration("BENDAMUSTINE", false,
                                OffsetDateTime.parse("2026-08-30T09:00:00Z"), new BigDecimal("90")),
                        new SactPatient.Administration("BENDAMUSTINE", false,
                                OffsetDateTime.parse("2026-08-31T23:30:00Z"), new BigDecimal("90"))));
    }

    @Test
    void aSmallCohortsRowsAreTheGoldenFileByteForByte() throws IOException {
        byte[] file = Csv.write(SactLayout.header(), SactLayout.rows(List.of(adult(), child()), AUGUST, LONDON, false));
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(golden("sact-2026-08.csv"));
    }

    @Test
    void everyColumnIsTheUserGuidesDataItemInItsSectionsOrder() {
        assertThat(SactLayout.COLUMNS).hasSize(44);
        assertThat(SactLayout.COLUMNS.stream().map(SactLayout.Column::item).toList()).startsWith(1, 44, 43, 2, 9, 45,
                46, 47, 5).contains(10, 16, 22, 26, 27, 31, 80).endsWith(88).doesNotHaveDuplicates();
        assertThat(SactLayout.COLUMNS.stream().filter(SactLayout.Column::mandatory).map(SactLayout.Column::item))
                .containsExactly(1, 44, 43, 2, 9, 45, 46, 5, 10, 16, 22, 26, 27, 31, 80);
    }

    @Test
    void theChildsRowsCarryEachFieldInTheSpecificationsFormat() {
        List<List<String>> rows = SactLayout.rows(List.of(child()), AUGUST, LONDON, false);
        assertThat(rows).hasSize(3);
        List<String> fludarabine = rows.get(0);
        assertThat(field(fludarabine, 1)).isEqualTo("9990010064");
        assertThat(field(fludarabine, 43)).isEqualTo("02");
        assertThat(field(fludarabine, 2)).isEqualTo("2017-06-20");
        assertThat(field(fludarabine, 9)).isEqualTo("RP4");
        assertThat(field(fludarabine, 47)).isEqualTo("2");
        assertThat(field(fludarabine, 10)).isEqualTo("C910");
        assertThat(field(fludarabine, 16)).isEqualTo("TISAGENLECLEUCEL");
        assertThat(field(fludarabine, 18)).isEqualTo("28.4");
        assertThat(field(fludarabine, 21)).isEqualTo("2026-07-08");
        assertThat(field(fludarabine, 22)).as("the regimen began with July's first dose").isEqualTo("2026-07-31");
        assertThat(field(fludarabine, 26)).isEqualTo("1");
        assertThat(field(fludarabine, 31)).isEqualTo("FLUDARABINE");
        assertThat(field(fludarabine, 32)).isEqualTo("29.7");
        assertThat(field(fludarabine, 55)).isEqualTo("258684004");
        assertThat(field(fludarabine, 56)).isEqualTo("47625008");
        assertThat(field(fludarabine, 80)).isEqualTo("2026-08-18T10:30:00+01:00");
        List<String> cells = rows.get(2);
        assertThat(field(cells, 31)).isEqualTo("TISAGENLECLEUCEL");
        assertThat(field(cells, 32)).as("a number of cells is not a dose in mg").isEmpty();
        assertThat(field(cells, 55)).isEmpty();
        assertThat(field(cells, 80)).isEqualTo("2026-08-24T11:00:00+01:00");
    }

    @Test
    void anAdministrationLateOnTheLastDayInLondonBelongsToTheNextMonth() {
        // 23:30 UTC on 31 August is 00:30 on 1 September in London (BST)
        assertThat(SactLayout.rows(List.of(adult()), AUGUST, LONDON, false)).hasSize(1);
        assertThat(SactLayout.rows(List.of(adult()), AUGUST.plusMonths(1), LONDON, false)).hasSize(1)
                .allSatisfy(row -> assertThat(row).contains("2026-09-01T00:30:00+01:00"));
    }

    @Test
    void aPseudonymisedRowHoldsNoNameNhsNumberBirthDateOrPostcodeAndCarriesThePseudonym() {
        List<String> row = SactLayout.rows(List.of(child()), AUGUST, LONDON, true).get(0);
        for (int item : List.of(1, 43, 2, 45, 46, 5)) {
            assertThat(field(row, item)).as("item " + item).isEmpty();
        }
        assertThat(field(row, 44)).isEqualTo("P-0001");
        assertThat(String.join(",", row)).doesNotContain("OSEI", "Maya", "9990010064", "2017-06-20", "LS6");
    }

    @Test
    void theCompletenessReportListsExactlyTheFieldsRemoved() {
        SactPatient full = child();
        assertThat(SactLayout.gaps(full, false)).isEmpty();
        SactPatient removed = new SactPatient(full.caseId(), full.caseReference(), full.patientId(), full.pseudonym(),
                full.nhsNumber(), null, full.birthDate(), full.familyName(), full.givenName(), full.sex(), null,
                full.providerOds(), null, full.productInn(), full.approvedOn(), full.weightKg(), full.dayZero(),
                full.administrations().stream().filter(SactPatient.Administration::cells).toList());
        assertThat(SactLayout.gaps(removed, false)).extracting(Gap::field).containsExactly("5 Patient Postcode",
                "10 Primary Diagnosis (ICD-10): no indication on the case",
                "31 Drug Name, 32 Daily Total Dose, 80 Administration Timestamp: no lymphodepletion administration "
                        + "(fludarabine, cyclophosphamide) on record");
        assertThat(SactLayout.gaps(removed, false)).extracting(Gap::fixAt).containsExactly(
                "/patients/" + full.patientId(), "/cases/" + full.caseId(), "/cases/" + full.caseId()
                        + "/lymphodepletion");
        assertThat(SactLayout.gaps(removed, true)).as("the commissioner sees the pseudonym and no link")
                .allSatisfy(g -> {
                    assertThat(g.patient()).isEqualTo("P-0001");
                    assertThat(g.fixAt()).isNull();
                });
    }

    @Test
    void numbersAreWrittenWithoutExponentOrTrailingZeros() {
        assertThat(SactLayout.number(new BigDecimal("750.000"))).isEqualTo("750");
        assertThat(SactLayout.number(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(SactLayout.number(new BigDecimal("37.50"))).isEqualTo("37.5");
    }

    private static String field(List<String> row, int item) {
        for (int i = 0; i < SactLayout.COLUMNS.size(); i++) {
            if (SactLayout.COLUMNS.get(i).item() == item) {
                return row.get(i);
            }
        }
        throw new IllegalArgumentException("no item " + item);
    }

    static String golden(String name) throws IOException {
        try (InputStream in = SactLayoutTest.class.getResourceAsStream("/reporting/exports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
