package org.cartpath.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import org.cartpath.catalogue.DoseBand;
import org.cartpath.catalogue.DoseBand.Basis;
import org.cartpath.catalogue.DoseComponent;
import org.cartpath.catalogue.DoseRule;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.internal.YamlObject.Kind;

/**
 * Reads a dose rule and checks that it can be applied to any weight: bands in ascending weight, the last
 * open-ended, and in each band min ≤ target ≤ max. Per-kilogram and flat bands use different field names
 * ({@code minCellsPerKg} / {@code minCells}) so that a unit can never be misread.
 */
final class DoseRuleReader {

    private DoseRuleReader() {
    }

    static DoseRule read(YamlObject d) {
        d.allow("source", "note", "bands", "components");
        List<YamlObject> bandObjects = d.objects("bands", true);
        List<DoseBand> bands = new ArrayList<>();
        for (int n = 0; n < bandObjects.size(); n++) {
            YamlObject b = bandObjects.get(n);
            DoseBand band = band(b);
            boolean last = n == bandObjects.size() - 1;
            if (last && band.weightAtMostKg() != null) {
                throw b.invalid("weightAtMostKg", "must be left out in the last band, so that every weight has a dose");
            }
            if (!last && (band.weightAtMostKg() == null || !band.weightAtMostKg().present())) {
                throw b.invalid("weightAtMostKg", "is required in every band but the last");
            }
            if (n > 0 && !last && band.weightAtMostKg().value()
                    .compareTo(bands.get(n - 1).weightAtMostKg().value()) <= 0) {
                throw b.invalid("weightAtMostKg", "must be heavier than the previous band's");
            }
            bands.add(band);
        }
        List<DoseComponent> components = d.objects("components", false).stream().map(c -> {
            c.allow("name", "ratio");
            return new DoseComponent(c.text("name"), present(c, "ratio"));
        }).toList();
        return new DoseRule(bands, components, d.text("source"), d.optionalText("note"));
    }

    private static DoseBand band(YamlObject b) {
        Basis basis = b.choice("basis", Basis.class);
        SourcedNumber weight;
        SourcedNumber min;
        SourcedNumber max;
        SourcedNumber target;
        SourcedNumber cap = null;
        if (basis == Basis.PER_KG) {
            b.allow("basis", "weightAtMostKg", "minCellsPerKg", "maxCellsPerKg", "targetCellsPerKg", "capCells");
            min = b.optionalNumber("minCellsPerKg", Kind.POSITIVE);
            max = b.optionalNumber("maxCellsPerKg", Kind.POSITIVE);
            target = b.optionalNumber("targetCellsPerKg", Kind.POSITIVE);
            cap = b.optionalNumber("capCells", Kind.POSITIVE);
        } else {
            b.allow("basis", "weightAtMostKg", "minCells", "maxCells", "targetCells");
            min = b.optionalNumber("minCells", Kind.POSITIVE);
            max = b.optionalNumber("maxCells", Kind.POSITIVE);
            target = b.optionalNumber("targetCells", Kind.POSITIVE);
        }
        weight = b.optionalNumber("weightAtMostKg", Kind.POSITIVE);
        if (!given(min) && !given(max) && !given(target)) {
            throw b.invalid(null, "needs at least one of a minimum, a maximum or a target dose");
        }
        String suffix = basis == Basis.PER_KG ? "CellsPerKg" : "Cells";
        if (given(min) && given(max) && min.value().compareTo(max.value()) > 0) {
            throw b.invalid("min" + suffix, "must not be more than the maximum");
        }
        if (given(target) && given(min) && target.value().compareTo(min.value()) < 0) {
            throw b.invalid("target" + suffix, "must not be less than the minimum");
        }
        if (given(target) && given(max) && target.value().compareTo(max.value()) > 0) {
            throw b.invalid("target" + suffix, "must not be more than the maximum");
        }
        return new DoseBand(basis, weight, min, max, target, cap);
    }

    private static SourcedNumber present(YamlObject c, String key) {
        SourcedNumber n = c.number(key, Kind.POSITIVE);
        if (!n.present()) {
            throw c.invalid(key, "needs a value");
        }
        return n;
    }

    private static boolean given(SourcedNumber n) {
        return n != null && n.present();
    }
}
