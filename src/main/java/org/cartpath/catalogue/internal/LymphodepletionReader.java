package org.cartpath.catalogue.internal;

import java.util.List;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.Agent;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.catalogue.LymphodepletionRegimen.InfusionWindow;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.internal.YamlObject.Kind;

/**
 * Reads a lymphodepletion regimen. Days counted from the infusion must be before it (negative) and need
 * no window; days counted from the start of lymphodepletion start at 0 and need the infusion window.
 */
final class LymphodepletionReader {

    private LymphodepletionReader() {
    }

    static LymphodepletionRegimen read(YamlObject r) {
        r.allow("id", "name", "dayReference", "agents", "infusionWindow", "source");
        DayReference reference = r.choice("dayReference", DayReference.class);
        List<Agent> agents = r.objects("agents", true).stream().map(a -> agent(a, reference)).toList();
        InfusionWindow window = null;
        if (reference == DayReference.INFUSION) {
            if (r.has("infusionWindow")) {
                throw r.invalid("infusionWindow", "is not used when days count from the infusion (day 0)");
            }
        } else {
            YamlObject w = r.object("infusionWindow").allow("fromDaysAfterEnd", "toDaysAfterEnd");
            SourcedNumber from = w.number("fromDaysAfterEnd", Kind.NON_NEGATIVE_WHOLE);
            SourcedNumber to = w.number("toDaysAfterEnd", Kind.NON_NEGATIVE_WHOLE);
            if (from.present() && to.present() && from.value().compareTo(to.value()) > 0) {
                throw w.invalid("toDaysAfterEnd", "must not be before fromDaysAfterEnd");
            }
            window = new InfusionWindow(from, to);
        }
        return new LymphodepletionRegimen(r.text("id"), r.text("name"), reference, agents, window, r.text("source"));
    }

    private static Agent agent(YamlObject a, DayReference reference) {
        a.allow("drug", "doseMgPerM2PerDay", "days");
        SourcedNumber dose = a.number("doseMgPerM2PerDay", Kind.POSITIVE);
        if (!dose.present()) {
            throw a.invalid("doseMgPerM2PerDay", "needs a value");
        }
        YamlObject days = a.object("days").allow("values", "source");
        List<Integer> values = days.wholeNumbers("values");
        for (int n = 0; n < values.size(); n++) {
            int day = values.get(n);
            boolean fits = reference == DayReference.INFUSION ? day < 0 : day >= 0;
            if (!fits) {
                throw new InvalidCatalogueDocument(days.pathOf("values") + "[" + n + "]", reference == DayReference.INFUSION
                        ? "must be before the infusion (negative) when days count from the infusion"
                        : "must be 0 or more when days count from the start of lymphodepletion");
            }
            if (n > 0 && day <= values.get(n - 1)) {
                throw new InvalidCatalogueDocument(days.pathOf("values") + "[" + n + "]", "days must ascend");
            }
        }
        return new Agent(a.choice("drug", Drug.class), dose, values, days.text("source"));
    }
}
