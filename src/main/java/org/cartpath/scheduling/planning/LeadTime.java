package org.cartpath.scheduling.planning;

/**
 * A planning figure in days with where it comes from: the case's label version, or scheduling's own default
 * ({@code scheduling/planning-defaults.yaml}) when the label has none.
 */
public record LeadTime(int days, String source, boolean isDefault) {

    public LeadTime {
        if (days < 0 || days > 365) {
            throw new IllegalArgumentException("a lead time is 0 to 365 days, not " + days);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a lead time needs its source");
        }
    }

    public static LeadTime fromLabel(int days, String source) {
        return new LeadTime(days, source, false);
    }

    public static LeadTime byDefault(int days, String source) {
        return new LeadTime(days, source, true);
    }

    /** "2 days (centre default — check)". */
    public String describe(String what) {
        return what + " " + days + (days == 1 ? " day" : " days") + " (" + (isDefault ? "default: " : "") + source + ")";
    }
}
