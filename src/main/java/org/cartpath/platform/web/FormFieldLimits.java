package org.cartpath.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.TextLimits;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The longest text a page's form may send in one field: {@link TextLimits#CLINICAL_SUMMARY} characters, the longest
 * free text any page takes (docs/security-and-reliability.md, "Input limits and HTTP edges"). A longer field is
 * refused before the controller runs, with a page naming the field, and nothing is written; a module's own rule may
 * be tighter and then answers on the form itself. The API's fields are bounded by their request records instead.
 */
final class FormFieldLimits implements HandlerInterceptor {

    static final int MAX = TextLimits.CLINICAL_SUMMARY;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || method.getBeanType().isAnnotationPresent(RestController.class)) {
            return true;
        }
        for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
            for (String value : field.getValue()) {
                if (value != null && value.length() > MAX) {
                    throw ProblemException.invalid(field.getKey(), "is longer than " + MAX
                            + " characters: go back, shorten it and send the form again");
                }
            }
        }
        return true;
    }
}
