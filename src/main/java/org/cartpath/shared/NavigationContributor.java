package org.cartpath.shared;

import java.util.List;

/** Implemented by a module that adds entries to the header navigation. */
public interface NavigationContributor {
    List<NavigationItem> navigation();

    /**
     * The entries for one actor, before their roles are checked: a module whose page is for some organisations only
     * (not every holder of a role) narrows them here. By default, every entry.
     */
    default List<NavigationItem> navigation(Actor actor) {
        return navigation();
    }
}
