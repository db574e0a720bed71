package org.cartpath.patient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A line of systemic therapy before CAR-T. A correction is a new entry with the same line number: the
 * latest one recorded for a line number is that line.
 *
 * @param endedOn      empty while the line is ongoing
 * @param bestResponse empty until assessed
 * @param tags         the drug classes it included that CAR-T indications ask about
 */
public record TherapyLine(
        Integer lineNumber,
        String regimen,
        LocalDate startedOn,
        LocalDate endedOn,
        Response bestResponse,
        Set<Tag> tags) implements ClinicalDetails {

    public TherapyLine {
        tags = sorted(tags);
    }

    /** Tags in their declared order, so that the same line always serialises (and digests) the same way. */
    static Set<Tag> sorted(Collection<Tag> tags) {
        EnumSet<Tag> sorted = EnumSet.noneOf(Tag.class);
        if (tags != null) {
            sorted.addAll(tags);
        }
        return Collections.unmodifiableSet(sorted);
    }

    /** Best response, across the response criteria of B-ALL, Lugano 2014 and IMWG (docs/clinical/follow-up.md). */
    public enum Response {
        COMPLETE_RESPONSE("Complete response"),
        COMPLETE_RESPONSE_INCOMPLETE_RECOVERY("Complete response with incomplete count recovery"),
        VERY_GOOD_PARTIAL_RESPONSE("Very good partial response"),
        PARTIAL_RESPONSE("Partial response"),
        MINIMAL_RESPONSE("Minimal response"),
        STABLE_DISEASE("Stable disease"),
        PROGRESSIVE_DISEASE("Progressive disease"),
        NOT_EVALUABLE("Not evaluable");

        private final String label;

        Response(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Drug classes named by CAR-T indications: anti-CD20 and anthracycline (LBCL, NICE TA872), BTK
     * inhibitor (MCL, TA677), proteasome inhibitor, immunomodulatory drug and anti-CD38 (myeloma US labels),
     * and earlier CD19- or BCMA-directed therapy, which matters for antigen loss.
     */
    public enum Tag {
        ANTI_CD20("Anti-CD20 antibody"),
        ANTHRACYCLINE("Anthracycline"),
        BTK_INHIBITOR("BTK inhibitor"),
        PROTEASOME_INHIBITOR("Proteasome inhibitor"),
        IMMUNOMODULATORY_DRUG("Immunomodulatory drug"),
        ANTI_CD38("Anti-CD38 antibody"),
        CD19_DIRECTED("CD19-directed therapy"),
        BCMA_DIRECTED("BCMA-directed therapy");

        private final String label;

        Tag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.THERAPY_LINE;
    }

    @Override
    public LocalDate effectiveOn() {
        return startedOn;
    }
}
