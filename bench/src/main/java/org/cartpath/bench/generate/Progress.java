package org.cartpath.bench.generate;

/** A one-line progress bar on standard output: {@code cases [#######.....] 42% 4,200/10,000 1,234/s eta 5 s}. */
public final class Progress {

    private final String label;
    private final long total;
    private final long began = System.nanoTime();

    public Progress(String label, long total) {
        this.label = label;
        this.total = total;
    }

    public void to(long done, String note) {
        System.out.print("\r" + line(label, done, total, (System.nanoTime() - began) / 1e9, note));
        System.out.flush();
    }

    /** The bar's text after {@code seconds}; pure, for the test. */
    public static String line(String label, long done, long total, double seconds, String note) {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        return String.format("%s [%s%s] %3d%% %,d/%,d %,.0f/s eta %d s %s", label, "#".repeat(filled),
                ".".repeat(width - filled), total == 0 ? 100 : done * 100 / total, done, total, rate, eta,
                note == null ? "" : note);
    }
}
