package org.cartpath.referral.web;

import java.util.List;
import java.util.Map;
import org.cartpath.referral.NationalPanel;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** A panel member's home page: the next meeting, its agenda, and the cases awaiting their vote. */
@Component
class PanelHomePanel implements HomePanelContributor {

    private final NationalPanel panel;

    PanelHomePanel(NationalPanel panel) {
        this.panel = panel;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        return panel.home(actor).map(home -> List.of(new HomePanel(Role.PANEL_MEMBER, "National CAR-T panel",
                "referral/panel-fragments", "homePanel", Map.<String, Object>of("home", home)))).orElse(List.of());
    }
}
