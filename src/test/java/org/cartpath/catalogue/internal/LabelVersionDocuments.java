package org.cartpath.catalogue.internal;

/**
 * A small valid label version document for tests, in YAML, to break one field at a time. The test data is
 * illustrative: its numbers follow Kymriah's B-cell ALL dose but it is not a real label.
 */
public final class LabelVersionDocuments {

    private LabelVersionDocuments() {
    }

    public static String valid() {
        return valid("KYMRIAH-US-2099-01", "2099-01-01");
    }

    /** A valid Kymriah US version with this id and effective date. */
    public static String valid(String id, String effectiveFrom) {
        return valid("KYMRIAH", "US", id, effectiveFrom);
    }

    /** A valid version of any product and jurisdiction; the id must start with them. */
    public static String valid(String product, String jurisdiction, String id, String effectiveFrom) {
        return """
                id: %s
                product: %s
                jurisdiction: %s
                effectiveFrom: "%s"
                document:
                  title: Test label
                indications:
                  - indication: B_ALL
                    text: Test indication
                    source: "USPI §1"
                    eligibility:
                      - id: pathway
                        text: Test pathway
                        source: "USPI §1"
                        criteria:
                          - id: age
                            rule: AGE_AT_MOST
                            years: {value: 25, source: "USPI §1: up to 25 years"}
                            source: "USPI §1"
                    dose:
                      source: "USPI §2"
                      bands:
                        - basis: PER_KG
                          weightAtMostKg: {value: 50, source: "USPI §2: 50 kg or less"}
                          minCellsPerKg: {value: 0.2e6, source: "USPI §2: 0.2 to 5.0 × 10^6 per kg"}
                          maxCellsPerKg: {value: 5.0e6, source: "USPI §2: 0.2 to 5.0 × 10^6 per kg"}
                        - basis: FLAT
                          minCells: {value: 0.1e8, source: "USPI §2: 0.1 to 2.5 × 10^8"}
                          maxCells: {value: 2.5e8, source: "USPI §2: 0.1 to 2.5 × 10^8"}
                    lymphodepletion:
                      - id: flu-cy
                        name: Fludarabine and cyclophosphamide
                        dayReference: LYMPHODEPLETION_START
                        source: "USPI §2"
                        agents:
                          - drug: FLUDARABINE
                            doseMgPerM2PerDay: {value: 30, source: "USPI §2"}
                            days: {values: [0, 1, 2, 3], source: "USPI §2"}
                        infusionWindow:
                          fromDaysAfterEnd: {value: 2, source: "USPI §2"}
                          toDaysAfterEnd: {value: 14, source: "USPI §2"}
                release:
                  criteria: []
                  note: Not public
                monitoring:
                  dailyMonitoringDays: {value: 7, source: "USPI §2"}
                  monitoringDays: {value: 14, source: "USPI §2"}
                  stayNearCentreDays: {value: 14, source: "USPI §2"}
                  noDrivingDays: {value: 14, source: "USPI §5"}
                  tocilizumabDosesOnSite: {value: null, note: "Not given"}
                  capdBelowAgeYears: {value: 12, check: true, source: "ASCO 2021"}
                  capdDevelopmentalDelayMaxAgeYears: {value: 21, check: true, source: "Traube C et al., Crit Care Med 2014"}
                leadTimes:
                  shippingToManufacturingSiteDays: {value: null, note: "Not given"}
                  manufacturingDays: {value: null, note: "Not given"}
                  releaseTestingDays: {value: null, note: "Not given"}
                  returnShippingDays: {value: null, note: "Not given"}
                  medianVeinToVeinDays: {value: 48, check: true, source: "published real-world median"}
                """.formatted(id, product, jurisdiction, effectiveFrom);
    }

    /** The document as an item of a YAML list: the first line after {@code first}, the others after {@code rest}. */
    static String indented(String document, String first, String rest) {
        String[] lines = document.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? first : rest).append(lines[i]).append('\n');
        }
        return out.toString();
    }
}
