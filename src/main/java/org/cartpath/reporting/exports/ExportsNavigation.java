package org.cartpath.reporting.exports;

import java.util.List;
import java.util.Set;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * "Exports" for the centre's data managers and the commissioner's analysts only ({@link Exports#allowed}): a centre's
 * analyst, who holds the analyst role too, gets no link (and 403 from the page).
 */
@Component
class ExportsNavigation implements NavigationContributor {
    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Exports", "/exports", 62, Set.of(Role.DATA_MANAGER, Role.ANALYST)));
    }

    @Override
    public List<NavigationItem> navigation(Actor actor) {
        return Exports.allowed(actor) ? navigation() : List.of();
    }
}
