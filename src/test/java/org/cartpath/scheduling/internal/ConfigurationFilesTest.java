package org.cartpath.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cartpath.catalogue.ProductCode;
import org.cartpath.scheduling.DiseaseKinetics;
import org.cartpath.scheduling.PriorityScore;
import org.cartpath.scheduling.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled planning defaults and waitlist weights load, every number sourced; broken files stop start-up. */
class ConfigurationFilesTest {

    final PlanningDefaults defaults = new PlanningDefaults();
    final PriorityPolicy policy = new PriorityPolicy();

    @ParameterizedTest
    @EnumSource(ProductCode.class)
    void everyProductHasEveryDefaultWithItsSource(ProductCode product) {
        PlanningDefaults.ProductDefaults d = defaults.product(product);
        assertThat(d).isNotNull();
        assertThat(java.util.List.of(d.shippingToSite(), d.manufacturing(), d.releaseTesting(), d.returnShipping()))
                .allSatisfy(lead -> {
                    assertThat(lead.isDefault()).isTrue();
                    assertThat(lead.source()).isNotBlank();
                });
    }

    @Test
    void theCentreDefaultsAndTheFallbackRegimenAreMarkedAsDefaults() {
        assertThat(defaults.lymphodepletionAfterReceipt().days()).isEqualTo(1);
        assertThat(defaults.lymphodepletionAfterReceipt().source()).contains("centre default — check");
        assertThat(defaults.inpatientDays().days()).isEqualTo(14);
        assertThat(defaults.fallbackLymphodepletion().isDefault()).isTrue();
    }

    @ParameterizedTest(name = "{0} days, {1}, {2}: {3} points")
    @CsvSource({
            "0, ROUTINE, STABLE, 0",
            "1, ROUTINE, STABLE, 1",
            "30, ROUTINE, INDOLENT, 30",
            "0, URGENT, STABLE, 20",
            "0, EMERGENCY, STABLE, 40",
            "0, ROUTINE, PROGRESSIVE, 10",
            "0, ROUTINE, RAPIDLY_PROGRESSIVE, 20",
            "5, URGENT, RAPIDLY_PROGRESSIVE, 45",
            "21, ROUTINE, STABLE, 21",
            "-3, ROUTINE, STABLE, 0"})
    void theScoreIsTheSumOfItsComponents(long days, Urgency urgency, DiseaseKinetics kinetics, int total) {
        PriorityScore score = policy.score(days, urgency, kinetics);
        assertThat(score.total()).isEqualTo(total);
        assertThat(score.components()).extracting(PriorityScore.Component::name)
                .containsExactly("Days waiting", "Clinical urgency", "Disease kinetics");
        assertThat(score.components().stream().mapToInt(PriorityScore.Component::points).sum()).isEqualTo(total);
        assertThat(score.components()).allSatisfy(c -> assertThat(c.source()).contains("allocation policy default"));
    }

    @Test
    void offersAreHeldFortyEightHours() {
        assertThat(policy.offerHold()).hasHours(48);
    }

    @Test
    void aNumberWithoutItsSourceAWrongNumberOrADuplicateKeyIsRefusedNamingThePath() {
        assertThatThrownBy(() -> new PriorityPolicy(ConfigYaml.load("scheduling-test/no-source.yaml")))
                .hasMessageContaining("daysWaiting.pointsPerDay.source");
        assertThatThrownBy(() -> new PriorityPolicy(ConfigYaml.load("scheduling-test/fraction.yaml")))
                .hasMessageContaining("daysWaiting.pointsPerDay.value");
        assertThatThrownBy(() -> ConfigYaml.load("scheduling-test/duplicate.yaml")).hasMessageContaining("daysWaiting");
        assertThatThrownBy(() -> new PlanningDefaults(ConfigYaml.load("scheduling-test/no-source.yaml")))
                .hasMessageContaining("products");
        assertThatThrownBy(() -> ConfigYaml.load("scheduling-test/missing.yaml")).hasMessageContaining("missing");
    }
}
