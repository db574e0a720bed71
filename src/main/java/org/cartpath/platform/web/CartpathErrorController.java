package org.cartpath.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cartpath.shared.RequestIds;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows for errors that no controller handled (unknown paths, wrong methods,
 * failures in filters): problem+json under {@code /api/}, an NHS-style page elsewhere.
 */
@Controller
class CartpathErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = "application/problem+json")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        String type = ProblemTypes.forStatus(status);
        String detail = switch (status) {
            case 404 -> "There is nothing at " + originalUri(request);
            case 405 -> "This path does not accept " + request.getMethod();
            case 401 -> "Sign in, or send 'Authorization: Bearer <token>'";
            case 403 -> "Your role does not allow this";
            default -> status >= 500 ? "cartpath could not complete the request. Quote request id "
                    + RequestIds.current() + " to your administrator." : "The request could not be handled";
        };
        ProblemDetail body = ApiErrorHandling.problemDetail(status, type, title(status), detail, request);
        body.setInstance(java.net.URI.create(originalUri(request)));
        return ResponseEntity.status(status).body(body);
    }

    @RequestMapping("/error")
    Object page(HttpServletRequest request, HttpServletResponse response) {
        String uri = originalUri(request);
        if (uri.startsWith("/api/") || uri.startsWith("/actuator/")) {
            return problem(request);
        }
        int status = status(request);
        response.setStatus(status);
        String view = switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            case 405, 400, 409, 413, 415, 422 -> "error/problem";
            default -> "error/500";
        };
        ModelAndView page = new ModelAndView(view);
        page.addObject("status", status);
        page.addObject("title", title(status));
        page.addObject("detail", "The request could not be handled.");
        page.addObject("requestId", RequestIds.current());
        return page;
    }

    /** The error's status; opened directly there is no error to report, and nothing at {@code /error}: 404. */
    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code) {
            return code;
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null ? 500 : 404;
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 401 -> "Not signed in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            default -> status >= 500 ? "Something went wrong" : "The request could not be handled";
        };
    }
}
