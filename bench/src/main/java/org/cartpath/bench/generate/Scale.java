package org.cartpath.bench.generate;

/**
 * How much history to generate. {@link #national()} is issue 17's national scale; {@link #outcomes()} is the outcomes
 * benchmark's cohort (issue 15: 10,000 infused patients, 15 years of follow-up); {@link #quick()} proves the suite in
 * a few minutes. Every figure can be overridden on the command line ({@code --cases=}, {@code --years=} …).
 *
 * @param cases         therapy cases (one patient each)
 * @param years         the span of history: cases open uniformly over the last {@code years} years
 * @param centres       treatment centres (the demo's three included)
 * @param manufacturers manufacturers (the demo's two included)
 * @param readings      data-logger readings in all, spread over the generated shipments
 * @param seed          the random seed: the same scale and seed give the same history
 */
public record Scale(String name, int cases, int years, int centres, int manufacturers, long readings, long seed) {

    public static Scale quick() {
        return new Scale("quick", 1_000, 10, 30, 7, 100_000, 17);
    }

    public static Scale national() {
        return new Scale("national", 100_000, 10, 30, 7, 10_000_000, 17);
    }

    /** About 10,000 infused patients over 15 years (nearly nine in ten cases older than four months are infused). */
    public static Scale outcomes() {
        return new Scale("outcomes", 11_500, 15, 30, 7, 1_000_000, 15);
    }

    public static Scale named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "national" -> national();
            case "outcomes" -> outcomes();
            default -> throw new IllegalArgumentException("scale " + name + ": quick, national or outcomes");
        };
    }

    public Scale with(String key, String value) {
        return switch (key) {
            case "cases" -> new Scale(name, Integer.parseInt(value), years, centres, manufacturers, readings, seed);
            case "years" -> new Scale(name, cases, Integer.parseInt(value), centres, manufacturers, readings, seed);
            case "centres" -> new Scale(name, cases, years, Integer.parseInt(value), manufacturers, readings, seed);
            case "manufacturers" -> new Scale(name, cases, years, centres, Integer.parseInt(value), readings, seed);
            case "readings" -> new Scale(name, cases, years, centres, manufacturers, Long.parseLong(value), seed);
            case "seed" -> new Scale(name, cases, years, centres, manufacturers, readings, Long.parseLong(value));
            default -> throw new IllegalArgumentException("unknown option --" + key);
        };
    }
}
