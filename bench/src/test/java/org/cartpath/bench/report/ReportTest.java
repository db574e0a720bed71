package org.cartpath.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static String block(String name, String total, String ko, String p50, String p95, String p99, String rps) {
        return """
                stats: {
                    "name": "%s",
                    "numberOfRequests": { "total": "%s", "ok": "0", "ko": "%s" },
                    "percentiles1": { "total": "%s", "ok": "1", "ko": "-" },
                    "percentiles2": { "total": "0", "ok": "0", "ko": "-" },
                    "percentiles3": { "total": "%s", "ok": "1", "ko": "-" },
                    "percentiles4": { "total": "%s", "ok": "1", "ko": "-" },
                    "meanNumberOfRequestsPerSecond": { "total": "%s", "ok": "1", "ko": "-" }
                }""".formatted(name, total, ko, p50, p95, p99, rps);
    }

    @Test
    void readsThroughputAndPercentilesOfEveryRequestFromGatlingsStatsJs() {
        String js = "var stats = {\n" + block("All Requests", "1,500", "3", "12", "40", "95", "150.5") + ",\ncontents: {\n"
                + block("worklist", "700", "0", "10", "30", "60", "70.2") + "}";
        Map<String, Report.Stats> stats = Report.parseGatling(js);
        assertEquals(new Report.Stats("All Requests", 1500, 3, 150.5, 12, 40, 95), stats.get("All Requests"));
        assertEquals(new Report.Stats("worklist", 700, 0, 70.2, 10, 30, 60), stats.get("worklist"));
    }

    @Test
    void readsTheScoreOfAJmhResult() {
        assertEquals(1761.776, Report.parseJmhScore("""
                [ { "benchmark" : "x", "primaryMetric" : { "score" : 1761.776, "scoreError" : "NaN" } } ]"""), 1e-9);
    }

    @Test
    void readsTheMeanAndPercentilesOfAJmhSampleTimeResultAndTurnsThemIntoMessagesPerSecond() {
        Report.Sample sample = Report.parseJmhSample("""
                [ { "benchmark" : "x", "mode" : "sample", "threads" : 8, "primaryMetric" : { "score" : 4.0,
                    "scoreError" : 0.1, "scorePercentiles" : { "0.0" : 1.2, "50.0" : 3.5, "90.0" : 6.0,
                    "95.0" : 7.25, "99.0" : 12.5, "100.0" : 40.0 }, "scoreUnit" : "ms/op" } } ]""");
        assertEquals(new Report.Sample(4.0, 3.5, 7.25, 12.5), sample);
        assertEquals(250.0, sample.perSecond(1), 1e-9);
        assertEquals(2000.0, sample.perSecond(8), 1e-9);
    }
}
