package org.cartpath.shared;

import java.util.List;

/** Implemented by a module that adds entries to the header navigation. */
public interface NavigationContributor {
    List<NavigationItem> navigation();
}
