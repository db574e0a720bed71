package org.cartpath.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages: friendly NHS-style pages for 403, 404 and the rest, with the request id to quote.
 * Forms handle their own validation errors inline; this catches what escapes them.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(PageErrorHandling.class);

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e, HttpServletResponse response) {
        response.setStatus(e.status());
        String view = switch (e.status()) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            default -> "error/problem";
        };
        ModelAndView page = new ModelAndView(view);
        page.addObject("status", e.status());
        page.addObject("title", e.title());
        page.addObject("detail", e.detail());
        page.addObject("requestId", RequestIds.current());
        return page;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletResponse response) {
        response.setStatus(403);
        ModelAndView page = new ModelAndView("error/403");
        page.addObject("requestId", RequestIds.current());
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException
                || e instanceof org.springframework.web.ErrorResponse) {
            throw e; // let the error controller answer with the right status
        }
        if (DatabaseUnavailable.explains(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return unavailable(response, DatabaseUnavailable.RETRY_AFTER_SECONDS, DatabaseUnavailable.TITLE,
                    DatabaseUnavailable.DETAIL);
        }
        if (DatabaseUnavailable.busy(e)) {
            log.warn("Transaction collided on every attempt: {}", e.toString());
            return unavailable(response, DatabaseUnavailable.BUSY_RETRY_AFTER_SECONDS, DatabaseUnavailable.BUSY_TITLE,
                    DatabaseUnavailable.BUSY_DETAIL);
        }
        log.error("Unexpected failure", e);
        response.setStatus(500);
        ModelAndView page = new ModelAndView("error/500");
        page.addObject("requestId", RequestIds.current());
        return page;
    }

    /** 503 with Retry-After: the database cannot be reached, or kept refusing the change; nothing was changed. */
    private static ModelAndView unavailable(HttpServletResponse response, String retryAfter, String title, String detail) {
        response.setStatus(503);
        response.setHeader("Retry-After", retryAfter);
        ModelAndView page = new ModelAndView("error/problem");
        page.addObject("status", 503);
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("requestId", RequestIds.current());
        return page;
    }
}
