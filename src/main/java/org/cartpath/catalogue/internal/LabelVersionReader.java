package org.cartpath.catalogue.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.LabelVersion.LabelDocument;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.LeadTimes;
import org.cartpath.catalogue.MonitoringParameters;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.catalogue.ReleaseSpecification;
import org.cartpath.catalogue.internal.YamlObject.Kind;

/**
 * Reads and checks one label version document, the same whether it comes from a bundled file, an
 * administrator's upload or the database. Refuses it with the path of the first field at fault.
 */
public final class LabelVersionReader {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    private LabelVersionReader() {
    }

    /** Parses YAML (or JSON) text holding one label version. */
    public static LabelVersion fromText(String text) {
        return read(CatalogueYaml.parse(text));
    }

    /** Reads an already parsed document (maps, lists, text, numbers). */
    public static LabelVersion read(Object document) {
        return read(YamlObject.root(document));
    }

    static LabelVersion read(YamlObject root) {
        root.allow("id", "product", "jurisdiction", "effectiveFrom", "document", "indications", "release",
                "monitoring", "leadTimes");
        String id = root.text("id");
        ProductCode product = root.choice("product", ProductCode.class);
        Jurisdiction jurisdiction = root.choice("jurisdiction", Jurisdiction.class);
        if (id.length() > 64 || !ID.matcher(id).matches()) {
            throw root.invalid("id", "must be upper-case letters, digits and hyphens, like KYMRIAH-US-2025-06");
        }
        String prefix = product + "-" + jurisdiction + "-";
        if (!id.startsWith(prefix)) {
            throw root.invalid("id", "must start with " + prefix + " (its product and jurisdiction)");
        }
        List<LabelledIndication> indications = root.objects("indications", true).stream()
                .map(IndicationReader::read).toList();
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < indications.size(); i++) {
            if (!seen.add(indications.get(i).indication())) {
                throw new InvalidCatalogueDocument("indications[" + i + "].indication",
                        indications.get(i).indication() + " appears twice; give each indication once, with its "
                                + "eligibility pathways");
            }
        }
        return new LabelVersion(id, product, jurisdiction, root.date("effectiveFrom"), document(root.object("document")),
                indications, release(root.object("release")), monitoring(root.object("monitoring")),
                leadTimes(root.object("leadTimes")));
    }

    private static LabelDocument document(YamlObject d) {
        d.allow("title", "url", "effectiveFromNote", "note");
        return new LabelDocument(d.text("title"), d.optionalText("url"), d.optionalText("effectiveFromNote"),
                d.optionalText("note"));
    }

    private static ReleaseSpecification release(YamlObject r) {
        r.allow("criteria", "note");
        List<ReleaseSpecification.Criterion> criteria = r.objects("criteria", false).stream().map(c -> {
            c.allow("id", "parameter", "unit", "minimum", "maximum", "source");
            String unit = c.text("unit");
            Kind kind = "PERCENT".equals(unit) ? Kind.PERCENT : Kind.POSITIVE;
            ReleaseSpecification.Criterion criterion = new ReleaseSpecification.Criterion(c.text("id"),
                    c.text("parameter"), unit, c.optionalNumber("minimum", kind), c.optionalNumber("maximum", kind),
                    c.text("source"));
            if (criterion.minimum() == null && criterion.maximum() == null) {
                throw c.invalid(null, "needs a minimum or a maximum");
            }
            return criterion;
        }).toList();
        String note = r.optionalText("note");
        if (criteria.isEmpty() && note == null) {
            throw r.invalid("note", "is required when there are no criteria: say where the specification is");
        }
        return new ReleaseSpecification(criteria, note);
    }

    private static MonitoringParameters monitoring(YamlObject m) {
        m.allow("dailyMonitoringDays", "monitoringDays", "stayNearCentreDays", "noDrivingDays",
                "tocilizumabDosesOnSite", "capdBelowAgeYears", "capdDevelopmentalDelayMaxAgeYears", "tocilizumab");
        return new MonitoringParameters(m.number("dailyMonitoringDays", Kind.POSITIVE_WHOLE),
                m.number("monitoringDays", Kind.POSITIVE_WHOLE), m.number("stayNearCentreDays", Kind.POSITIVE_WHOLE),
                m.number("noDrivingDays", Kind.POSITIVE_WHOLE), m.number("tocilizumabDosesOnSite", Kind.POSITIVE_WHOLE),
                m.number("capdBelowAgeYears", Kind.POSITIVE_WHOLE),
                m.number("capdDevelopmentalDelayMaxAgeYears", Kind.POSITIVE_WHOLE),
                // optional (ADR 0010: a field added later must be, as stored versions never have it)
                m.has("tocilizumab") ? ParameterReader.tocilizumab(m.object("tocilizumab"), null) : null);
    }

    private static LeadTimes leadTimes(YamlObject l) {
        l.allow("shippingToManufacturingSiteDays", "manufacturingDays", "releaseTestingDays", "returnShippingDays",
                "medianVeinToVeinDays");
        return new LeadTimes(l.number("shippingToManufacturingSiteDays", Kind.POSITIVE_WHOLE),
                l.number("manufacturingDays", Kind.POSITIVE_WHOLE), l.number("releaseTestingDays", Kind.POSITIVE_WHOLE),
                l.number("returnShippingDays", Kind.POSITIVE_WHOLE),
                l.number("medianVeinToVeinDays", Kind.POSITIVE_WHOLE));
    }
}
