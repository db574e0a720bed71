package org.cartpath.shared;

import java.util.Map;

/**
 * A module's content for a role's panel on the home page: a Thymeleaf fragment ({@code template ::
 * fragment}) with its own model, shown to actors holding {@code role} instead of that role's empty state.
 */
public record HomePanel(Role role, String title, String template, String fragment, Map<String, Object> model) {
}
