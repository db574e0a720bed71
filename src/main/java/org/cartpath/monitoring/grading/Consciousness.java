package org.cartpath.monitoring.grading;

/**
 * Level of consciousness as ASTCT 2019 grades it (Lee et al. 2019). The scale has no separate
 * "alert": a patient who is awake, or wakes unaided, is {@link #AWAKENS_SPONTANEOUSLY}.
 */
public enum Consciousness {
    AWAKENS_SPONTANEOUSLY("wakes spontaneously"),
    AWAKENS_TO_VOICE("wakes to voice"),
    AWAKENS_TO_TOUCH("wakes only to touch"),
    UNAROUSABLE("unarousable, or needs vigorous or repeated touch to wake");

    private final String label;

    Consciousness(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
