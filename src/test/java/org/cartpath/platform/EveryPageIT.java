package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * No page answers 500 to anyone: every demo user signs in and walks, breadth first, every same-origin link reachable
 * from their home page, their navigation and every demo case page, and no page may answer 5xx or render the error
 * page. Plain HTTP, no browser, so that it stays cheap enough for every build.
 */
@CartpathIntegrationTest
class EveryPageIT {

    /** One demo user per role, as the demo seed creates them. */
    private static final List<String> DEMO_USERS = List.of("referrer", "coordinator", "consultant", "apheresis.nurse",
            "cell.lab", "pharmacist", "ward.nurse", "qa.lead", "data.manager", "panel.member", "manufacturer", "courier",
            "analyst", "auditor", "admin");
    private static final String PASSWORD = "cartpath-demo";
    private static final int MAX_PAGES_PER_USER = 400;
    /** Pages of one shape (same path with ids and numbers masked, same query names): enough to vary the records. */
    private static final int MAX_PAGES_PER_SHAPE = 8;
    private static final String ERROR_PAGE_TITLE = "Sorry, there is a problem with cartpath";
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*?\\bhref=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE_LINK = Pattern.compile("^/cases/[0-9a-fA-F-]{36}$");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}|\\d+");

    @LocalServerPort
    int port;

    @Test
    void noPageReachableByAnyDemoUserAnswersAServerError() {
        Set<String> demoCases = demoCasePages();
        assertThat(demoCases).as("the demo's case pages are found from the coordinator's worklist").isNotEmpty();
        List<String> failures = new ArrayList<>();
        int visitedInAll = 0;
        for (String username : DEMO_USERS) {
            Crawl crawl = new Crawl(Http.signedIn(port, username, PASSWORD));
            crawl.enqueue("/");
            demoCases.forEach(crawl::enqueue);
            long started = System.nanoTime();
            crawl.run();
            System.out.printf("EveryPageIT: %s opened %d pages in %d ms%n", username, crawl.visited.size(),
                    (System.nanoTime() - started) / 1_000_000);
            visitedInAll += crawl.visited.size();
            crawl.failures.forEach(f -> failures.add(username + ": " + f));
        }
        assertThat(visitedInAll).as("the crawl reached pages").isGreaterThan(DEMO_USERS.size() * 5);
        assertThat(failures).as("pages answering a server error or the error page").isEmpty();
    }

    @Test
    void qaOpensTheCaseOfTheDemoChildWhoseProductWasReceivedAndFindsTheLotToCheckAndAccept() {
        Http coordinator = Http.signedIn(port, "coordinator", PASSWORD);
        JsonNode found = Http.json(coordinator.get("/api/v1/worklist?q=McKenzie"));
        assertThat(found.get("items")).as("the demo child Isla McKenzie").isNotEmpty();
        String caseId = found.get("items").get(0).get("therapyCase").get("id").asText();
        HttpResponse<String> page = Http.signedIn(port, "qa.lead", PASSWORD).get("/cases/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Isla", "/manufacturing/").doesNotContain(ERROR_PAGE_TITLE);
        assertThat(page.body()).containsAnyOf("data-testid=\"check-lot\"", "data-testid=\"accept-lot\"",
                "Accepted by QA");
        for (String user : List.of("cell.lab", "apheresis.nurse", "pharmacist", "ward.nurse", "consultant")) {
            assertThat(Http.signedIn(port, user, PASSWORD).get("/cases/" + caseId).statusCode()).as(user).isEqualTo(200);
        }
    }

    /** The demo children's case pages, from the treating centre coordinator's worklist (every stage). */
    private Set<String> demoCasePages() {
        Http coordinator = Http.signedIn(port, "coordinator", PASSWORD);
        Set<String> cases = new LinkedHashSet<>();
        for (String link : links(coordinator.get("/worklist").body())) {
            String path = sameOriginPath(link);
            if (path != null && CASE_LINK.matcher(path).matches()) {
                cases.add(path);
            }
        }
        return cases;
    }

    private final class Crawl {
        private final Http http;
        private final Queue<String> queue = new ArrayDeque<>();
        private final Set<String> seen = new LinkedHashSet<>();
        private final Map<String, Integer> shapes = new HashMap<>();
        private final List<String> visited = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        Crawl(Http http) {
            this.http = http;
        }

        void enqueue(String path) {
            if (path == null || !seen.add(path)) {
                return;
            }
            String shape = ID.matcher(path.replaceAll("=[^&]*", "=")).replaceAll("#");
            if (shapes.merge(shape, 1, Integer::sum) > MAX_PAGES_PER_SHAPE) {
                return;
            }
            queue.add(path);
        }

        void run() {
            while (!queue.isEmpty() && visited.size() < MAX_PAGES_PER_USER) {
                String path = queue.remove();
                visited.add(path);
                HttpResponse<String> response = http.get(path);
                int status = response.statusCode();
                String body = response.body();
                boolean html = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                if (status >= 500 || html && body.contains(ERROR_PAGE_TITLE)) {
                    failures.add(status + " " + path);
                    continue;
                }
                if (status >= 300 && status < 400) {
                    response.headers().firstValue("Location").map(EveryPageIT::sameOriginPath)
                            .ifPresent(this::enqueue);
                } else if (status == 200 && html) {
                    links(body).stream().map(EveryPageIT::sameOriginPath).forEach(this::enqueue);
                }
            }
        }
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** The path and query of a link to cartpath's own pages, or null for elsewhere, sign-out, the API and assets. */
    private static String sameOriginPath(String link) {
        if (link.isBlank() || link.startsWith("#") || link.startsWith("mailto:") || link.startsWith("tel:")
                || link.startsWith("//")) {
            return null;
        }
        String path = link;
        if (link.startsWith("http://") || link.startsWith("https://")) {
            URI uri = URI.create(link);
            if (!"localhost".equals(uri.getHost())) {
                return null;
            }
            path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        if (!path.startsWith("/")) {
            return null;
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        if (path.startsWith("/sign-out") || path.startsWith("/api/") || path.startsWith("/assets/")
                || path.startsWith("/actuator") || path.startsWith("/fhir")) {
            return null;
        }
        return path;
    }
}
