package org.cartpath.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running test application: a browser-like session with cookies and
 * CSRF tokens for pages, or bearer tokens for the API. Redirects are not followed, so tests see them.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private final String bearer;
    private String csrf;

    private Http(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private Http(String base, String bearer, HttpClient client) {
        this.base = base;
        this.bearer = bearer;
        this.client = client;
    }

    /** The same browser (same cookies) talking to another application instance on this machine. */
    public Http onPort(int otherPort) {
        return new Http("http://localhost:" + otherPort, bearer, client);
    }

    /** A browser-like session, not signed in. */
    public static Http browser(int port) {
        return new Http("http://localhost:" + port, null);
    }

    /** A system client calling with a bearer token. */
    public static Http token(int port, String token) {
        return new Http("http://localhost:" + port, token);
    }

    /** A browser-like session signed in; fails the test if sign-in does not succeed. */
    public static Http signedIn(int port, String username, String password) {
        Http http = browser(port);
        HttpResponse<String> response = http.signIn(username, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/sign-in")) {
            throw new AssertionError("sign-in of " + username + " failed: " + response.statusCode() + " " + location);
        }
        return http;
    }

    public HttpResponse<String> signIn(String username, String password) {
        get("/sign-in");
        HttpResponse<String> response = postForm("/sign-in", Map.of("username", username, "password", password));
        csrf = null; // signing in replaces the session's CSRF token
        return response;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Posts a form with this session's CSRF token (fetched from the home page if none was seen yet). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        fetchCsrfIfNeeded();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postRawForm(path, withToken);
    }

    /** Posts a form exactly as given (no CSRF token added). */
    public HttpResponse<String> postRawForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, Object body) {
        return sendJson("POST", path, body, Map.of());
    }

    public HttpResponse<String> sendJson(String method, String path, Object body, Map<String, String> headers) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (bearer == null) {
            fetchCsrfIfNeeded();
            if (csrf != null) {
                builder.header("X-CSRF-TOKEN", csrf);
            }
        }
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Sends a body of any content type (YAML, multipart…), with this session's CSRF token when it has no bearer token. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Sends a body of any content type with extra headers (an Idempotency-Key…). */
    public HttpResponse<String> sendWithHeaders(String method, String path, String contentType, String body,
            Map<String, String> headers) {
        return send(method, path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends bytes (a file, a multipart body), with this session's CSRF token when it has no bearer token. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (bearer == null) {
            fetchCsrfIfNeeded();
            if (csrf != null) {
                builder.header("X-CSRF-TOKEN", csrf);
            }
        }
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Downloads bytes (a file). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like a browser, takes the CSRF token from a page: the home page, or where it redirects to. */
    private void fetchCsrfIfNeeded() {
        if (csrf == null) {
            HttpResponse<String> home = get("/");
            if (csrf == null && home.statusCode() == 302) {
                home.headers().firstValue("Location").ifPresent(location ->
                        get(location.startsWith("http") ? URI.create(location).getPath() : location));
            }
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Matcher input = CSRF_INPUT.matcher(response.body());
            Matcher meta = CSRF_META.matcher(response.body());
            if (input.find()) {
                csrf = input.group(1);
            } else if (meta.find()) {
                csrf = meta.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
