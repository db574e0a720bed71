package org.cartpath.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.cartpath.identity.CurrentActor;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on API POSTs (docs/architecture.md: a replay returns the first answer):
 * <ul>
 *   <li>The first request with a key runs inside one transaction that also stores its answer, so its
 *       effects and the stored answer commit together, exactly once.</li>
 *   <li>The same key with the same body returns the stored answer (with {@code Idempotent-Replay: true});
 *       with a different body it is 422 {@code idempotency-key-reused}.</li>
 *   <li>While the first is still running, the same key gets 409 {@code idempotency-key-in-flight}
 *       (a transaction-scoped advisory lock on the key), across application instances.</li>
 *   <li>A refused request (4xx) changes nothing and its answer is stored too; a failure (5xx) is not
 *       stored, so the client may retry.</li>
 * </ul>
 * Keys belong to the caller: two clients may use the same key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_BODY_BYTES = 30 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final Clock clock;
    private final JsonMapper mapper;

    IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private record Stored(String requestHash, int status, String contentType, byte[] body) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = CurrentActor.get();
        String key = request.getHeader(HEADER).trim();
        if (actor.isEmpty()) {
            chain.doFilter(request, response); // security answers 401 before this matters
            return;
        }
        if (!key.matches("[A-Za-z0-9._:-]{8,128}")) {
            problem(request, response, 400, "invalid-request",
                    "Idempotency-Key must be 8 to 128 characters: letters, digits, '.', '_', ':' or '-'");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problem(request, response, 413, "payload-too-large", "The request body is too large");
            return;
        }
        String actorId = actor.get().id();
        String requestHash = hash(request, body);
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        boolean finished = false;
        try {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 7))")
                    .param(actorId + " " + key).query(Boolean.class).single();
            if (!locked) {
                problem(request, response, 409, "idempotency-key-in-flight",
                        "A request with this Idempotency-Key is still being processed; retry shortly");
                return;
            }
            Optional<Stored> stored = find(actorId, key);
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(requestHash)) {
                    problem(request, response, 422, "idempotency-key-reused",
                            "This Idempotency-Key was used for a different request; use a new key for a new request");
                } else {
                    replay(stored.get(), response);
                }
                return;
            }
            ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            int status = captured.getStatus();
            if (status >= 500) {
                transactions.rollback(transaction);
                finished = true;
            } else if (transaction.isRollbackOnly()) {
                // a refusal inside the request rolled its changes back; keep its answer in a new transaction
                transactions.rollback(transaction);
                finished = true;
                TransactionTemplate separate = new TransactionTemplate(transactions);
                separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                separate.executeWithoutResult(s -> store(actorId, key, request, requestHash, captured));
            } else {
                store(actorId, key, request, requestHash, captured);
                transactions.commit(transaction);
                finished = true;
            }
            captured.copyBodyToResponse();
        } finally {
            if (!finished && !transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
    }

    private Optional<Stored> find(String actorId, String key) {
        return jdbc.sql("select request_hash, status, content_type, body from idempotency_record where actor_id = ? and key = ?")
                .params(actorId, key)
                .query((row, n) -> new Stored(row.getString(1), row.getInt(2), row.getString(3), row.getBytes(4)))
                .optional();
    }

    private void store(String actorId, String key, HttpServletRequest request, String requestHash,
            ContentCachingResponseWrapper captured) {
        jdbc.sql("""
                insert into idempotency_record (actor_id, key, method, path, request_hash, status, content_type, body,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actorId, key, request.getMethod(), request.getRequestURI(), requestHash, captured.getStatus(),
                        captured.getContentType(), captured.getContentAsByteArray(), Timestamp.from(Instant.now(clock)))
                .update();
    }

    private static void replay(Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replay", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    /** The request's identity: method, path, query and body. */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String type, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(mapper.writeValueAsString(Map.of("type", "/problems/" + type, "title",
                status == 409 ? "Conflict with the current state" : "The request cannot be processed", "status", status,
                "detail", detail, "instance", request.getRequestURI())));
    }

    /** The request with its body read once and served again to the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
