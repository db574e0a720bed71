package org.cartpath.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that says it is {@code multipart/form-data} but cannot be parsed (no boundary, a broken part) is the
 * client's mistake: 400 problem+json (413 when too large). The dispatcher parses multipart bodies before it picks a
 * controller, so the API's controller advice never sees this failure, and the container's error dispatch cannot answer
 * it either (it would parse the same body again); without this resolver it was a 500 (found by {@code ApiFuzzIT}). No
 * form of cartpath's pages sends such a body, so pages get the same problem+json rather than a page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedMultipartResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(MalformedMultipartResolver.class);

    private final JsonMapper json;

    MalformedMultipartResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MultipartException multipart) || response.isCommitted()) {
            return null;
        }
        boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
        int status = tooLarge ? 413 : 400;
        log.info("Refused a multipart body of {} {}: {}", request.getMethod(), request.getRequestURI(),
                multipart.getMostSpecificCause().getMessage());
        ProblemDetail body = ApiErrorHandling.problemDetail(status, ProblemTypes.forStatus(status),
                tooLarge ? "The upload is too large" : "The request is not valid",
                tooLarge ? "The upload is larger than cartpath accepts"
                        : "The multipart/form-data body could not be read (no boundary, or a broken part)", request);
        try {
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(body));
            response.flushBuffer();
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
