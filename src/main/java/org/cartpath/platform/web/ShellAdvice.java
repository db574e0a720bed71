package org.cartpath.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.cartpath.identity.CurrentActor;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the page shell (header, navigation by role) to every page's model. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final List<NavigationContributor> contributors;

    ShellAdvice(List<NavigationContributor> contributors) {
        this.contributors = contributors;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        return CurrentActor.get().map(actor -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            List<NavigationItem> items = contributors.stream()
                    .flatMap(c -> c.navigation(actor).stream())
                    .filter(item -> item.visibleTo(actor))
                    .sorted(Comparator.comparingInt(NavigationItem::order))
                    .toList();
            // the current entry is the longest href that prefixes the path
            String current = items.stream().map(NavigationItem::href)
                    .filter(href -> href.equals("/") ? path.equals("/") : path.startsWith(href))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
            List<Shell.Link> links = items.stream()
                    .map(item -> new Shell.Link(item.label(), item.href(), item.href().equals(current)))
                    .toList();
            return new Shell(true, actor.displayName(), actor.organisationName(), links);
        }).orElse(Shell.anonymous());
    }
}
