package org.cartpath.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The edges of HTTP: what Tomcat refuses before cartpath runs, anonymous writes, security headers, running behind a
 * TLS proxy, and the OpenAPI document's parameters (docs/security-and-reliability.md). Raw sockets send what
 * java.net.http refuses to.
 */
@CartpathIntegrationTest
class HttpEdgesIT {

    @LocalServerPort
    int port;

    @Test
    void pathsTomcatRefusesAnswerProblemJsonOnTheApiWithoutTomcatsPageOrAStackTrace() throws IOException {
        for (String path : List.of("/api/v1/cases/%00", "/api/v1/cases/..%2F..%2Fadmin", "/api/v1/cases/a%2Fb",
                "/api/v1/cases/%zz", "/api/v1/cases/%C0%AE%C0%AE", "/api/v1/cases/a%5C..%5Cb")) {
            RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status).as(path + "\n" + response.text).isBetween(400, 499);
            assertThat(response.header("content-type")).as(path + "\n" + response.text)
                    .startsWith("application/problem+json");
            JsonNode problem = Http.JSON.readTree(response.body);
            assertThat(problem.get("type").asText()).as(response.text).startsWith("/problems/");
            assertThat(problem.get("status").asInt()).isEqualTo(response.status);
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertNoInternals(response.text);
        }
    }

    @Test
    void headersTooLargeAndMalformedRequestLinesAnswerProblemJson() throws IOException {
        RawResponse huge = raw("GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(huge.status).as(huge.text).isBetween(400, 499);
        assertNoInternals(huge.text);
        assertThat(huge.text).doesNotContain("<html").doesNotContain("<!doctype html");

        RawResponse control = raw("GET /api/v1/cases/\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(control.status).as(control.text).isBetween(400, 499);
        assertNoInternals(control.text);
    }

    @Test
    void pagesTomcatRefusesGetAPlainNhsStylePageNotTomcats() throws IOException {
        for (String path : List.of("/cases/%00", "/cases/..%2F..%2Fadmin", "/patients/%zz")) {
            RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status).as(path + "\n" + response.text).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("text/html");
            assertThat(response.body).contains("The request is not valid", "nhsuk");
            assertNoInternals(response.text);
        }
    }

    @Test
    void theErrorPathOpenedDirectlyHasNothingToReportAndAnswers404NotAServerError() throws IOException {
        RawResponse problem = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: application/problem+json\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(problem.status).as(problem.text).isEqualTo(404);
        assertThat(problem.header("content-type")).startsWith("application/problem+json");
        RawResponse page = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(page.status).as(page.text).isEqualTo(404);
        assertThat(page.body).contains("nhsuk");
        assertNoInternals(page.text);
    }

    @Test
    void anonymousWritesToTheApiAnswer401NotACsrfRefusal() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> refused = send(HttpClient.newHttpClient(), method, "/api/v1/referrals/"
                    + java.util.UUID.randomUUID(), "{}", Map.of());
            assertProblem(refused, 401, "unauthenticated");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertProblem(send(HttpClient.newHttpClient(), "POST", "/api/v1/referrals", "{}", Map.of()), 401,
                "unauthenticated");
        // an anonymous browser session (it has seen the sign-in page) is still not signed in
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, "GET", "/sign-in", null, Map.of());
        assertProblem(send(browser, "POST", "/api/v1/referrals", "{}", Map.of()), 401, "unauthenticated");
    }

    @Test
    void aSignedInBrowserStillNeedsTheCsrfTokenForApiWrites() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signInPage = send(browser, "GET", "/sign-in", null, Map.of());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = send(browser, "POST", "/sign-in", "username=coordinator&password=cartpath-demo&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(send(browser, "GET", "/api/v1/me", null, Map.of()).statusCode()).isEqualTo(200);
        assertProblem(send(browser, "POST", "/api/v1/referrals", "{}", Map.of()), 403, "csrf");
    }

    @Test
    void pagesAndApiAnswersDenyBrowserFeaturesAndIsolateTheWindow() {
        Http http = Http.browser(port);
        for (HttpResponse<String> response : List.of(http.get("/sign-in"), http.get("/api/v1/cases"),
                http.get("/api/v1/docs"))) {
            assertThat(response.headers().firstValue("Permissions-Policy").orElse("")).as(response.uri().toString())
                    .contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).as(response.uri().toString())
                    .contains("same-origin");
        }
    }

    @Test
    void behindATlsProxyPagesSendHstsAndTheSessionCookieIsSecure() {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> plain = send(client, "GET", "/sign-in", null, Map.of());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(plain)).isNotEmpty().doesNotContainIgnoringCase("secure");

        HttpResponse<String> proxied = send(client, "GET", "/sign-in", null, Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.7"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000", "includeSubDomains");
        assertThat(sessionCookie(proxied)).containsIgnoringCase("secure").containsIgnoringCase("httponly");
    }

    @Test
    void theOpenApiDocumentAdvertisesNoActorParameter() {
        // springdoc builds the document on its first request, which takes longer than Http waits on a busy machine
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode document = Http.JSON.readTree(send(client, "GET", "/api/v1/openapi", null, Map.of()).body());
        List<String> withActor = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                JsonNode parameters = operation.getValue().get("parameters");
                if (parameters != null && parameters.valueStream()
                        .anyMatch(p -> p.has("name") && p.get("name").asText().equalsIgnoreCase("actor"))) {
                    withActor.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).as("the document lists the API").isGreaterThan(100);
        assertThat(withActor).isEmpty();
    }

    private static void assertNoInternals(String text) {
        assertThat(text).doesNotContain("Apache Tomcat").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("org.apache").doesNotContain("HTTP Status");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CARTPATH_SESSION="))
                .findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body,
            Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the server may reset the connection after answering
            }
            return new RawResponse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private static final class RawResponse {
        final String text;
        final int status;
        final String head;
        final String body;

        RawResponse(String text) {
            this.text = text;
            int end = text.indexOf("\r\n\r\n");
            this.head = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            this.body = head.toLowerCase().contains("transfer-encoding: chunked") ? unchunk(rest) : rest;
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            this.status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
