package org.cartpath.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

class VitalSignTest {

    @Test
    void readsATemperatureInCelsiusAndRefusesAnotherUnitOrAnImpossibleValueNamingTheEntry() {
        assertThat(VitalSign.TEMPERATURE.read(valued("38.50", "Cel"), "entry[0]").value()).isEqualByComparingTo("38.5");

        assertThatThrownBy(() -> VitalSign.TEMPERATURE.read(valued("101.3", "[degF]"), "entry[2]"))
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("entry[2]")
                .hasMessageContaining("UCUM unit Cel");
        assertThatThrownBy(() -> VitalSign.TEMPERATURE.read(valued("3.85", "Cel"), "entry[1]"))
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("outside 30 to 45");
    }

    @Test
    void readsABloodPressurePanelAndRefusesADiastolicNotBelowTheSystolicOrAMissingComponent() {
        VitalSign.Reading reading = VitalSign.BLOOD_PRESSURE.read(pressure(118, 72), "entry[0]");
        assertThat(reading.value()).isEqualByComparingTo("118");
        assertThat(reading.second()).isEqualByComparingTo("72");
        assertThat(reading.sent()).isEqualTo("118/72");

        assertThatThrownBy(() -> VitalSign.BLOOD_PRESSURE.read(pressure(72, 118), "entry[3]"))
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("entry[3]")
                .hasMessageContaining("diastolic");
        Observation systolicOnly = pressure(118, 72);
        systolicOnly.getComponent().remove(1);
        assertThatThrownBy(() -> VitalSign.BLOOD_PRESSURE.read(systolicOnly, "entry[0]"))
                .isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("8462-4");
    }

    @Test
    void knowsTheR4VitalSignsCodesAndNoOthers() {
        assertThat(VitalSign.byCode("59408-5")).contains(VitalSign.PULSE_OXIMETRY);
        assertThat(VitalSign.byCode("8867-4")).contains(VitalSign.HEART_RATE);
        assertThat(VitalSign.byCode("1988-5")).isEmpty();
    }

    private static Observation valued(String value, String unit) {
        Observation o = new Observation();
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setCode(unit).setSystem(FhirCodes.UCUM));
        return o;
    }

    private static Observation pressure(int systolic, int diastolic) {
        Observation o = new Observation();
        for (Object[] c : new Object[][] {{Measure.SYSTOLIC, systolic}, {Measure.DIASTOLIC, diastolic}}) {
            o.addComponent().setValue(new Quantity().setValue((Integer) c[1]).setCode("mm[Hg]")
                    .setSystem(FhirCodes.UCUM)).getCode().addCoding().setSystem(FhirCodes.LOINC)
                    .setCode((String) c[0]);
        }
        return o;
    }
}
