package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/calculators/follow-up-schedule (outcomes calculators contract §5) run with the unit test's table
 * ({@link org.cartpath.followup.schedule.ScheduleCases}), then every 400 the contract lists, each naming its field.
 */
@CartpathIntegrationTest
class FollowUpScheduleApiIT {

    static final String TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    static final String PATH = "/api/v1/calculators/follow-up-schedule";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} {2}: due {3}, window {4} to {5}")
    @MethodSource("org.cartpath.followup.schedule.ScheduleCases#timepoints")
    void answersEachTimepointOfTheTable(String dayZero, String track, String name, String due, String start,
            String end) {
        JsonNode answer = ok(api().postJson(PATH, Map.of("dayZero", dayZero, "track", track)));

        assertThat(answer.get("track").asText()).isEqualTo(track);
        assertThat(answer.get("dayZero").asText()).isEqualTo(dayZero);
        JsonNode timepoint = answer.get("timepoints").valueStream().filter(t -> t.get("name").asText().equals(name))
                .findFirst().orElseThrow();
        assertThat(timepoint.get("dueDate").asText()).isEqualTo(due);
        if ("-".equals(start)) {
            // EBMT: present and null, not left out
            assertThat(timepoint.has("windowStart") && timepoint.get("windowStart").isNull()).isTrue();
            assertThat(timepoint.has("windowEnd") && timepoint.get("windowEnd").isNull()).isTrue();
        } else {
            assertThat(timepoint.get("windowStart").asText()).isEqualTo(start);
            assertThat(timepoint.get("windowEnd").asText()).isEqualTo(end);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.cartpath.followup.schedule.ScheduleCases#tracks")
    void answersEachTracksTimepointsInOrder(String track, String names) {
        JsonNode answer = ok(api().postJson(PATH, Map.of("dayZero", "2026-01-01", "track", track)));

        assertThat(answer.get("timepoints").valueStream().map(t -> t.get("name").asText()))
                .containsExactlyElementsOf(Arrays.asList(names.split(" ")));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"track":"EBMT"}                                        | dayZero
            {"dayZero":null,"track":"EBMT"}                         | dayZero
            {"dayZero":20260101,"track":"EBMT"}                     | dayZero
            {"dayZero":true,"track":"EBMT"}                         | dayZero
            {"dayZero":["2026-01-01"],"track":"EBMT"}               | dayZero
            {"dayZero":"2026-02-29","track":"EBMT"}                 | dayZero
            {"dayZero":"2026-13-01","track":"EBMT"}                 | dayZero
            {"dayZero":"2026-04-31","track":"EBMT"}                 | dayZero
            {"dayZero":"01/01/2026","track":"EBMT"}                 | dayZero
            {"dayZero":"","track":"EBMT"}                           | dayZero
            {"dayZero":"2026-01-01T00:00:00","track":"EBMT"}        | dayZero
            {"dayZero":"2026-01-01T00:00:00Z","track":"EBMT"}       | dayZero
            {"dayZero":"2026-01-01 10:00","track":"EBMT"}           | dayZero
            {"dayZero":"2026-01-01"}                                | track
            {"dayZero":"2026-01-01","track":null}                   | track
            {"dayZero":"2026-01-01","track":"CIBMTR"}               | track
            {"dayZero":"2026-01-01","track":"ebmt"}                 | track
            {"dayZero":"2026-01-01","track":4}                      | track
            {}                                                      | dayZero
            {}                                                      | track
            """)
    void refusesEachBadInputNamingItsField(String body, String field) {
        assertProblem(api().send("POST", PATH, "application/json", body), 400, "invalid-request", field);
    }

    @Test
    void refusesMalformedJsonAndAMissingBodyWith400() {
        assertProblem(api().send("POST", PATH, "application/json", "{\"dayZero\": \"2026-01-01\","), 400,
                "unreadable-body");
        assertProblem(api().send("POST", PATH, "application/json", ""), 400, "invalid-request", "dayZero");
    }

    @Test
    void ignoresUnknownExtraFields() {
        JsonNode answer = ok(api().send("POST", PATH, "application/json",
                "{\"dayZero\":\"2026-01-01\",\"track\":\"CIBMTR_100_DAY_ONLY\",\"patient\":\"x\"}"));

        assertThat(answer.get("timepoints").size()).isEqualTo(1);
    }

    @Test
    void refusesCallersWhoAreNotSignedIn() {
        assertProblem(Http.browser(port).postJson(PATH, Map.of("dayZero", "2026-01-01", "track", "EBMT")), 401,
                "unauthenticated");
    }

    private Http api() {
        return Http.token(port, TOKEN);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return Http.json(response);
    }
}
