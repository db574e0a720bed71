package org.cartpath.catalogue.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cartpath.catalogue.EligibilityCriterion;
import org.cartpath.catalogue.EligibilityCriterion.Diagnosis;
import org.cartpath.catalogue.EligibilityCriterion.DiseaseStatus;
import org.cartpath.catalogue.EligibilityCriterion.Rule;
import org.cartpath.catalogue.EligibilityCriterion.TherapyClass;
import org.cartpath.catalogue.EligibilityPathway;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.internal.YamlObject.Kind;

/** Reads an indication of a label version: its eligibility pathways and criteria, dose and lymphodepletion. */
final class IndicationReader {

    private IndicationReader() {
    }

    static LabelledIndication read(YamlObject i) {
        i.allow("indication", "text", "source", "eligibility", "dose", "lymphodepletion", "lymphodepletionNote");
        Indication indication = i.choice("indication", Indication.class);
        List<EligibilityPathway> pathways = i.objects("eligibility", true).stream().map(IndicationReader::pathway)
                .toList();
        unique(pathways.stream().map(EligibilityPathway::id).toList(), i.pathOf("eligibility"));
        List<LymphodepletionRegimen> regimens = i.objects("lymphodepletion", false).stream()
                .map(LymphodepletionReader::read).toList();
        unique(regimens.stream().map(LymphodepletionRegimen::id).toList(), i.pathOf("lymphodepletion"));
        String note = i.optionalText("lymphodepletionNote");
        if (regimens.isEmpty() && note == null) {
            throw i.invalid("lymphodepletion", "is required (or leave it empty and say why in lymphodepletionNote)");
        }
        return new LabelledIndication(indication, i.text("text"), i.text("source"), pathways,
                DoseRuleReader.read(i.object("dose")), regimens, note);
    }

    private static EligibilityPathway pathway(YamlObject p) {
        p.allow("id", "text", "source", "criteria");
        List<EligibilityCriterion> criteria = p.objects("criteria", true).stream().map(IndicationReader::criterion)
                .toList();
        unique(criteria.stream().map(EligibilityCriterion::id).toList(), p.pathOf("criteria"));
        return new EligibilityPathway(p.text("id"), p.text("text"), p.text("source"), criteria);
    }

    private static EligibilityCriterion criterion(YamlObject c) {
        c.allow("id", "rule", "years", "lines", "months", "values", "source");
        Rule rule = c.choice("rule", Rule.class);
        SourcedNumber years = null;
        SourcedNumber lines = null;
        SourcedNumber months = null;
        List<String> values = List.of();
        switch (rule) {
            case AGE_AT_MOST, AGE_AT_LEAST -> {
                refuse(c, rule, "lines", "months", "values");
                years = present(c, "years", Kind.POSITIVE_WHOLE);
            }
            case PRIOR_LINES_AT_LEAST -> {
                refuse(c, rule, "years", "months", "values");
                lines = present(c, "lines", Kind.POSITIVE_WHOLE);
            }
            case DIAGNOSIS_IN -> {
                refuse(c, rule, "years", "lines", "months");
                values = vocabulary(c, Diagnosis.class);
            }
            case DISEASE_STATUS_ANY_OF -> {
                refuse(c, rule, "years", "lines");
                values = vocabulary(c, DiseaseStatus.class);
                if (values.contains(DiseaseStatus.RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE.name())) {
                    months = present(c, "months", Kind.POSITIVE_WHOLE);
                } else {
                    refuse(c, rule, "months");
                }
            }
            case PRIOR_THERAPY_INCLUDES, REFRACTORY_TO_THERAPY -> {
                refuse(c, rule, "years", "lines", "months");
                values = vocabulary(c, TherapyClass.class);
            }
            case TRANSPLANT_SUITABLE, TRANSPLANT_UNSUITABLE -> refuse(c, rule, "years", "lines", "months", "values");
        }
        return new EligibilityCriterion(c.text("id"), rule, years, lines, months, values, c.text("source"));
    }

    private static SourcedNumber present(YamlObject c, String key, Kind kind) {
        SourcedNumber number = c.number(key, kind);
        if (!number.present()) {
            throw c.invalid(key, "needs a value: a criterion without its threshold cannot be assessed");
        }
        return number;
    }

    private static <E extends Enum<E>> List<String> vocabulary(YamlObject c, Class<E> type) {
        List<String> values = c.texts("values", true);
        for (int n = 0; n < values.size(); n++) {
            YamlObject.choiceOf(values.get(n), c.pathOf("values") + "[" + n + "]", type);
        }
        return values;
    }

    private static void refuse(YamlObject c, Rule rule, String... keys) {
        for (String key : keys) {
            if (c.has(key)) {
                throw c.invalid(key, "is not used by rule " + rule);
            }
        }
    }

    static void unique(List<String> ids, String path) {
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < ids.size(); n++) {
            if (!seen.add(ids.get(n))) {
                throw new InvalidCatalogueDocument(path + "[" + n + "].id", "'" + ids.get(n) + "' is used twice");
            }
        }
    }
}
