package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.cartpath.followup.ResponseFramework;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseRulesTest {

    @ParameterizedTest(name = "{0} {1}: response {2}")
    @CsvSource({
            "B_ALL, MRD_NEGATIVE_COMPLETE_REMISSION, true",
            "B_ALL, COMPLETE_REMISSION, true",
            "B_ALL, COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY, true",
            "B_ALL, NO_REMISSION, false",
            "LUGANO_2014_PET, COMPLETE_METABOLIC_RESPONSE, true",
            "LUGANO_2014_PET, PARTIAL_METABOLIC_RESPONSE, true",
            "LUGANO_2014_PET, NO_METABOLIC_RESPONSE, false",
            "LUGANO_2014_CT, PARTIAL_RESPONSE, true",
            "LUGANO_2014_CT, STABLE_DISEASE, false",
            "IMWG_2016, VERY_GOOD_PARTIAL_RESPONSE, true",
            "IMWG_2016, PARTIAL_RESPONSE, true",
            "IMWG_2016, MINIMAL_RESPONSE, false",
            "IMWG_2016, UNKNOWN_CODE, false"})
    void bestResponsesThatCountAsAResponse(ResponseFramework framework, String category, boolean response) {
        assertThat(ResponseRules.isResponse(framework, category)).isEqualTo(response);
    }
}
