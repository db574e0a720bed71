package org.cartpath.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers when it refuses a request before any of cartpath's code runs (a path with {@code %00} or
 * an encoded slash, a malformed address, headers too large): problem+json for the API, a plain NHS-style page
 * for people. Never Tomcat's own page, its version or a stack trace. Errors that reach cartpath are answered
 * by {@link CartpathErrorController} instead; this valve only writes when nothing else has.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = rawUri(request);
        boolean api = uri.startsWith("/api/") || uri.startsWith("/actuator/") || uri.equals("/api");
        try {
            response.setContentType(api ? "application/problem+json" : "text/html");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? problem(status, uri) : page(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to say
        }
    }

    static String problem(int status, String uri) {
        String type = ProblemTypes.forStatus(status);
        return "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\",\"instance\":\"" + json(uri) + "\"}";
    }

    static String page(int status) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s - cartpath</title>
                <link rel="stylesheet" href="/assets/nhsuk/nhsuk-frontend.min.css"></head>
                <body><main class="nhsuk-width-container nhsuk-main-wrapper" id="maincontent">
                <h1 class="nhsuk-heading-l">%s</h1><p>%s</p><p><a href="/">Go to the home page</a></p>
                </main></body></html>
                """.formatted(title(status), title(status), detail(status));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 404 -> "Not found";
            case 413 -> "The request is too large";
            case 431 -> "The request headers are too large";
            default -> status >= 500 ? "Something went wrong" : "The request could not be handled";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The address or the headers of the request are malformed or not allowed"
                    + " (for example an encoded slash, an encoded NUL or '..' in the path).";
            case 413, 431 -> "The request is larger than cartpath accepts.";
            default -> status >= 500 ? "cartpath could not complete the request." : "The request could not be handled.";
        };
    }

    /** The path as the client sent it (still percent-encoded), shortened: never decoded, never trusted. */
    private static String rawUri(Request request) {
        String uri = null;
        try {
            uri = request.getRequestURI();
        } catch (RuntimeException e) {
            // the request line could not be parsed
        }
        if (uri == null) {
            return "";
        }
        return uri.length() > 200 ? uri.substring(0, 200) : uri;
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
