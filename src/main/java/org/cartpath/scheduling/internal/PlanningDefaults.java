package org.cartpath.scheduling.internal;

import java.util.EnumMap;
import java.util.Map;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.scheduling.planning.LeadTime;
import org.cartpath.scheduling.planning.LymphodepletionTiming;
import org.springframework.stereotype.Component;

/**
 * Scheduling's defaults from {@code scheduling/planning-defaults.yaml}, for numbers a label version lacks. Read
 * once at start-up; a missing product or number stops start-up.
 */
@Component
public class PlanningDefaults {

    static final String FILE = "scheduling/planning-defaults.yaml";

    /** A product's default lead times. */
    public record ProductDefaults(LeadTime shippingToSite, LeadTime manufacturing, LeadTime releaseTesting,
            LeadTime returnShipping) {
    }

    private final Map<ProductCode, ProductDefaults> products = new EnumMap<>(ProductCode.class);
    private final LeadTime lymphodepletionAfterReceipt;
    private final LeadTime inpatientDays;
    private final LymphodepletionTiming fallbackLymphodepletion;

    public PlanningDefaults() {
        this(ConfigYaml.load(FILE));
    }

    PlanningDefaults(ConfigYaml yaml) {
        for (ProductCode code : ProductCode.values()) {
            String base = "products." + code.name();
            products.put(code, new ProductDefaults(
                    lead(yaml, base + ".shippingToManufacturingSiteDays"),
                    lead(yaml, base + ".manufacturingDays"),
                    lead(yaml, base + ".releaseTestingDays"),
                    lead(yaml, base + ".returnShippingDays")));
        }
        lymphodepletionAfterReceipt = lead(yaml, "centre.lymphodepletionStartAfterReceiptDays");
        inpatientDays = lead(yaml, "centre.inpatientDaysFromInfusion");
        ConfigYaml.Sourced last = yaml.number("fallbackLymphodepletion.lastChemotherapyDay");
        ConfigYaml.Sourced from = yaml.number("fallbackLymphodepletion.infusionFromDaysAfterEnd");
        ConfigYaml.Sourced to = yaml.number("fallbackLymphodepletion.infusionToDaysAfterEnd");
        fallbackLymphodepletion = new LymphodepletionTiming(yaml.text("fallbackLymphodepletion", "regimen"),
                last.value(), from.value(), to.value(), last.source(), true);
    }

    private static LeadTime lead(ConfigYaml yaml, String path) {
        ConfigYaml.Sourced number = yaml.number(path);
        return LeadTime.byDefault(number.value(), number.source());
    }

    public ProductDefaults product(ProductCode code) {
        return products.get(code);
    }

    public LeadTime lymphodepletionAfterReceipt() {
        return lymphodepletionAfterReceipt;
    }

    public LeadTime inpatientDays() {
        return inpatientDays;
    }

    public LymphodepletionTiming fallbackLymphodepletion() {
        return fallbackLymphodepletion;
    }
}
