package org.cartpath.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObservationIdsTest {

    private static final UUID LARGEST = new UUID(-1L, -1L);

    @Test
    void anEntrysIdNamesItsMeasurePatientAndEntryAndReadsBackToThem() {
        UUID patient = UUID.randomUUID();
        UUID entry = UUID.randomUUID();

        String id = ObservationIds.ofEntry(Measure.CREATININE, patient, entry);

        assertThat(id).startsWith("creat-").matches("[A-Za-z0-9\\-.]{1,64}");
        assertThat(ObservationIds.parse(id)).hasValue(new ObservationIds.Parsed(Measure.CREATININE, null, patient, entry));
    }

    @Test
    void theLongestEntryIdStaysWithinFhirsSixtyFourCharacters() {
        String id = ObservationIds.ofEntry(Measure.RECORDED_OXYGEN_SATURATION, LARGEST, LARGEST);

        assertThat(id).hasSizeLessThanOrEqualTo(64);
        assertThat(ObservationIds.parse(id).orElseThrow().entryId()).isEqualTo(LARGEST);
    }

    @Test
    void anAssessmentsIdNamesItsMeasureAndTheAssessment() {
        UUID assessment = UUID.randomUUID();

        String id = ObservationIds.ofAssessment(Measure.CRS_GRADE, assessment);

        assertThat(id).isEqualTo("crs-" + assessment);
        assertThat(ObservationIds.parse(id)).hasValue(new ObservationIds.Parsed(Measure.CRS_GRADE, assessment, null, null));
    }

    @Test
    void idsOfNoKnownMeasureOrWithBrokenPartsAreNotIds() {
        assertThat(ObservationIds.parse("x-" + UUID.randomUUID())).isEmpty();
        assertThat(ObservationIds.parse("crs-not-a-uuid")).isEmpty();
        assertThat(ObservationIds.parse("creat-abc")).isEmpty();
        assertThat(ObservationIds.parse("creat-ABC-def")).isEmpty();
        assertThat(ObservationIds.parse("creat-" + "z".repeat(26) + "-1")).isEmpty();
        assertThat(ObservationIds.parse("crs")).isEmpty();
        assertThat(ObservationIds.parse(null)).isEmpty();
    }
}
