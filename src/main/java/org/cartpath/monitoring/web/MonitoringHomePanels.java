package org.cartpath.monitoring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartpath.monitoring.BoardRow;
import org.cartpath.monitoring.MonitoringAlert;
import org.cartpath.monitoring.MonitoringAlerts;
import org.cartpath.monitoring.MonitoringBoard;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Home panels: the ward nurse's "Monitoring" (patients on the board, assessments due), the consultant's "Your
 * patients" and the coordinator's "Monitoring alerts" (alerts waiting for acknowledgement).
 */
@Component
class MonitoringHomePanels implements HomePanelContributor {

    private final MonitoringBoard board;
    private final MonitoringAlerts alerts;

    MonitoringHomePanels(MonitoringBoard board, MonitoringAlerts alerts) {
        this.board = board;
        this.alerts = alerts;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            return List.of();
        }
        List<HomePanel> panels = new ArrayList<>();
        if (actor.hasRole(Role.WARD_NURSE)) {
            List<BoardRow> rows = board.board(actor);
            long due = rows.stream().filter(r -> r.due().dueToday() || !r.due().missedDays().isEmpty()).count();
            panels.add(new HomePanel(Role.WARD_NURSE, "Monitoring", "monitoring/home", "board",
                    Map.of("patients", rows.size(), "due", due, "rows", rows.stream().limit(8).toList())));
        }
        if (actor.hasRole(Role.CONSULTANT) || actor.hasRole(Role.COORDINATOR)) {
            List<MonitoringAlert> open = alerts.alerts(actor, false, 200);
            Map<String, Object> model = Map.of("count", open.size(), "alerts", open.stream().limit(5).toList());
            if (actor.hasRole(Role.CONSULTANT)) {
                panels.add(new HomePanel(Role.CONSULTANT, "Your patients", "monitoring/home", "alerts", model));
            }
            if (actor.hasRole(Role.COORDINATOR)) {
                panels.add(new HomePanel(Role.COORDINATOR, "Monitoring alerts", "monitoring/home", "alerts", model));
            }
        }
        return panels;
    }
}
