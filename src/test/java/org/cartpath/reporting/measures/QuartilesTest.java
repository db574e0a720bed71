package org.cartpath.reporting.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuartilesTest {

    @Test
    void quartilesAreRsType7AsPostgresPercentileCont() {
        // R: quantile(c(1, 2, 3, 4)) → 1.75, 2.5, 3.25
        assertThat(Quartiles.of(List.of(4, 2, 1, 3))).isEqualTo(new Quartiles(4, 1.75, 2.5, 3.25));
        assertThat(Quartiles.of(List.of(30, 40, 45, 50, 60))).isEqualTo(new Quartiles(5, 40, 45, 50));
        assertThat(Quartiles.of(List.of(7))).isEqualTo(new Quartiles(1, 7, 7, 7));
    }

    @Test
    void noValuesHaveNoQuartiles() {
        assertThat(Quartiles.of(List.of())).isNull();
    }
}
