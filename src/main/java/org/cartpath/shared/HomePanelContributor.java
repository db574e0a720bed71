package org.cartpath.shared;

import java.util.List;

/** Implemented by a module that shows something on the home page of the roles it serves. */
public interface HomePanelContributor {
    List<HomePanel> homePanels(Actor actor);
}
