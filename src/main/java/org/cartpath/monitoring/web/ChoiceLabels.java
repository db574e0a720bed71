package org.cartpath.monitoring.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.monitoring.AssessmentInput;

/** What the form's choices say to the nurse, by the API's constant. */
final class ChoiceLabels {

    static final Map<String, String> VASOPRESSORS = Map.of(
            "NOREPINEPHRINE", "Norepinephrine (noradrenaline)", "EPINEPHRINE", "Epinephrine (adrenaline)",
            "PHENYLEPHRINE", "Phenylephrine", "DOPAMINE", "Dopamine", "VASOPRESSIN", "Vasopressin");

    static final Map<String, String> OXYGEN_DEVICES = Map.of(
            "NONE", "None (room air)", "BLOW_BY", "Blow-by", "NASAL_CANNULA", "Nasal cannula (low flow)",
            "HIGH_FLOW_NASAL_CANNULA", "High-flow nasal cannula", "FACEMASK", "Facemask",
            "NON_REBREATHER", "Non-rebreather mask", "VENTURI", "Venturi mask", "CPAP", "CPAP", "BIPAP", "BiPAP",
            "MECHANICAL_VENTILATION", "Mechanical ventilation (intubated)");

    static final Map<String, String> CONSCIOUSNESS = Map.of(
            "AWAKENS_SPONTANEOUSLY", "Awake, or wakes spontaneously",
            "AWAKENS_TO_VOICE", "Wakes to voice",
            "AWAKENS_TO_TOUCH", "Wakes only to touch",
            "UNAROUSABLE", "Unarousable, or needs vigorous or repeated touch to wake");

    static final Map<String, String> SEIZURES = Map.of(
            "NONE", "No seizure",
            "RAPIDLY_RESOLVING", "A seizure that resolved rapidly (or non-convulsive on EEG, resolved with treatment)",
            "PROLONGED_OR_REPETITIVE", "Prolonged (over 5 minutes) or repetitive without return to baseline");

    static final Map<String, String> EDEMA = Map.of(
            "NONE", "None, or not imaged",
            "FOCAL", "Focal oedema on imaging",
            "DIFFUSE", "Diffuse oedema on imaging, posturing, VI palsy, papilloedema or Cushing's triad");

    static final Map<String, String> CAPD = Map.of(
            "NEVER", "Never", "RARELY", "Rarely", "SOMETIMES", "Sometimes", "OFTEN", "Often", "ALWAYS", "Always");

    private ChoiceLabels() {
    }

    /** A recorded assessment's choices as the form offered them, for the page that shows it. */
    record Recorded(String vasopressors, String oxygenDevice, String consciousness, String seizure, String edema) {
    }

    static Recorded of(AssessmentInput in) {
        return new Recorded(
                in.vasopressors().stream().map(v -> word(VASOPRESSORS, v)).collect(Collectors.joining(", ")),
                word(OXYGEN_DEVICES, in.oxygenDevice()), word(CONSCIOUSNESS, in.consciousness()),
                word(SEIZURES, in.seizure()), word(EDEMA, in.cerebralEdema()));
    }

    private static String word(Map<String, String> labels, Enum<?> choice) {
        if (choice == null) {
            return "Not recorded";
        }
        return labels.getOrDefault(choice.name(), choice.name());
    }
}
