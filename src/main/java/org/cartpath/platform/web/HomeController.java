package org.cartpath.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: one panel per role the user holds, each saying what it will show. Modules that add a
 * role's work (worklist, referrals, monitoring board…) replace the empty state with their content.
 */
@Controller
class HomeController {

    static final String VIEW = "platform/home";

    /**
     * A panel of the home page for one role: a module's content, or the role's empty state. A role's first
     * panel is tested as {@code panel-ROLE}, further ones as {@code panel-ROLE-2}, {@code panel-ROLE-3}…
     */
    record Panel(Role role, String title, String emptyState, HomePanel content, String testId) {
    }

    private static final Map<Role, Panel> PANELS = Map.ofEntries(
            panel(Role.REFERRER, "Your referrals",
                    "Referrals you send to a treatment centre will appear here, with where each patient is in their treatment."),
            panel(Role.COORDINATOR, "Worklist",
                    "Cases at your centre will appear here by stage, with the next task for each and when it is due."),
            panel(Role.CONSULTANT, "Your patients",
                    "Patients under your care will appear here, with eligibility assessments and decisions waiting for you."),
            panel(Role.APHERESIS_NURSE, "Apheresis",
                    "Booked collections will appear here by day, with labels to print and bags to verify."),
            panel(Role.CELL_THERAPY_LAB, "Cell-therapy laboratory",
                    "Products to receive, store and issue will appear here, with their chain of custody."),
            panel(Role.PHARMACIST, "Lymphodepletion",
                    "Lymphodepletion plans waiting for your verification will appear here."),
            panel(Role.WARD_NURSE, "Monitoring",
                    "Infused patients will appear here with their day number and the assessments due."),
            panel(Role.QA, "Quality assurance",
                    "Product releases to accept, out-of-specification decisions and identity overrides will appear here."),
            panel(Role.DATA_MANAGER, "Follow-up",
                    "Registry forms due, in their window or overdue for your centre's infused patients will appear here."),
            panel(Role.PANEL_MEMBER, "National CAR-T panel",
                    "Cases submitted to the next panel meeting will appear here for your review and vote."),
            panel(Role.MANUFACTURER_OPERATOR, "Manufacturing",
                    "Bookings and shipments for your sites will appear here by chain-of-identity number, never by patient."),
            panel(Role.COURIER, "Shipments",
                    "Shipments to collect and deliver will appear here, with hand-overs to scan and temperature logs to upload."),
            panel(Role.ANALYST, "Outcomes and activity",
                    "Outcome and activity reports will appear here."),
            panel(Role.AUDITOR, "Audit",
                    "Search the audit trail and verify that it is intact from the Audit trail page."),
            panel(Role.ADMINISTRATOR, "Administration",
                    "Manage organisations, users and API tokens, and look through the audit trail."));

    private static Map.Entry<Role, Panel> panel(Role role, String title, String emptyState) {
        return Map.entry(role, new Panel(role, title, emptyState, null, "panel-" + role.name()));
    }

    private final List<HomePanelContributor> contributors;

    HomeController(List<HomePanelContributor> contributors) {
        this.contributors = contributors;
    }

    /**
     * A role's panels: the contributed panel titled as the role's default (or else the first contributed one)
     * takes the place of the empty state; other modules' panels for the role follow it.
     */
    @GetMapping("/")
    String home(Actor actor, Model model) {
        Map<Role, List<HomePanel>> contributed = new java.util.EnumMap<>(Role.class);
        contributors.forEach(c -> c.homePanels(actor)
                .forEach(p -> contributed.computeIfAbsent(p.role(), r -> new ArrayList<>()).add(p)));
        List<Panel> panels = new ArrayList<>();
        for (Role role : Role.values()) {
            if (actor.hasRole(role)) {
                Panel empty = PANELS.get(role);
                List<HomePanel> content = new ArrayList<>(contributed.getOrDefault(role, List.of()));
                HomePanel main = content.stream().filter(p -> p.title().equals(empty.title())).findFirst()
                        .orElse(content.isEmpty() ? null : content.get(0));
                content.remove(main);
                panels.add(main == null ? empty
                        : new Panel(role, main.title(), empty.emptyState(), main, empty.testId()));
                for (int i = 0; i < content.size(); i++) {
                    panels.add(new Panel(role, content.get(i).title(), empty.emptyState(), content.get(i),
                            empty.testId() + "-" + (i + 2)));
                }
            }
        }
        model.addAttribute("actor", actor);
        model.addAttribute("panels", panels);
        return VIEW;
    }

    @Bean
    static NavigationContributor homeNavigation() {
        return () -> List.of(new NavigationItem("Home", "/", 0, Set.of()));
    }
}
