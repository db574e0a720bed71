package org.cartpath.bench.generate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cartpath's administrator as a person would act: signs in through the sign-in form (with its CSRF token), then calls
 * the REST API with the session cookie and the CSRF header, so that organisations and API tokens are created by the
 * application itself (validated and audited), not written around it.
 */
final class AdminClient {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;
    private String csrfHeader = "X-CSRF-TOKEN";

    AdminClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    void signIn(String username, String password) {
        String page = get("/sign-in");
        String token = find(CSRF_INPUT, page, "the sign-in form's CSRF token");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (signedIn.uri().toString().contains("error")) {
            throw new IllegalStateException("could not sign in as " + username);
        }
        String home = get("/");
        csrf = find(CSRF_META, home, "the page's CSRF token");
        Matcher header = CSRF_HEADER.matcher(home);
        if (header.find()) {
            csrfHeader = header.group(1);
        }
    }

    String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    String postJson(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").header(csrfHeader, csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("could not find " + what);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
