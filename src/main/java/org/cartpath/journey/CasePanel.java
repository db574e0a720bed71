package org.cartpath.journey;

import java.util.Map;

/**
 * A section of the case page that another module renders: a Thymeleaf fragment ({@code template ::
 * fragment}) with its own model. Panels appear in {@code order} below the summary.
 */
public record CasePanel(String title, String template, String fragment, Map<String, Object> model, int order) {
}
