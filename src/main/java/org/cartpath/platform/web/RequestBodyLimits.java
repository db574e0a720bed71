package org.cartpath.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The limits of a request body bound with {@code @RequestBody} (JSON, YAML): at most
 * {@code cartpath.api.max-body-bytes} bytes (413 payload-too-large naming the limit), and every text in it no
 * longer than its {@code @Size(max = …)} (400 invalid-request naming each field). Both are checked before the
 * controller runs, so nothing is read from or written to the database. Uploads (referral files, data-logger
 * batches, multipart forms) read the raw request and keep their own limits.
 */
@ControllerAdvice
class RequestBodyLimits extends RequestBodyAdviceAdapter {

    private final Validator validator;
    private final long maxBytes;

    RequestBodyLimits(Validator validator, @Value("${cartpath.api.max-body-bytes:1048576}") long maxBytes) {
        this.validator = validator;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long declared = input.getHeaders().getContentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        InputStream limited = new LimitedInputStream(input.getBody(), maxBytes);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null || !body.getClass().isRecord()) {
            return body;
        }
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(body)) {
            String field = violation.getPropertyPath().toString();
            problems.putIfAbsent(field, new FieldProblem(field, message(violation)));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(problems.values()));
        }
        return body;
    }

    private static String message(ConstraintViolation<Object> violation) {
        if (violation.getConstraintDescriptor().getAnnotation() instanceof Size size) {
            Object value = violation.getInvalidValue();
            return value instanceof Collection<?> || value instanceof Map<?, ?>
                    ? "has more than " + size.max() + " entries"
                    : "is longer than " + size.max() + " characters";
        }
        return violation.getMessage();
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException("payload-too-large", 413, "The request body is too large",
                "A request body may have at most " + maxBytes + " bytes", List.of(), Map.of("maxBytes", maxBytes));
    }

    /** Reads at most {@code limit} bytes; one more refuses the body, whatever Content-Length said (or did not say). */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
