package org.cartpath.custody.web;

import org.cartpath.custody.overview.ItemLocations;
import org.cartpath.custody.scan.HardStopOverrides;
import org.cartpath.custody.telemetry.CustodyAlerts;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Items at each location, and the open alerts: identity hard stops still in force, then temperature
 * alerts not yet acknowledged.
 */
@Controller
class CustodyOverviewPages {

    private final ItemLocations locations;
    private final CustodyAlerts alerts;
    private final HardStopOverrides hardStops;

    CustodyOverviewPages(ItemLocations locations, CustodyAlerts alerts, HardStopOverrides hardStops) {
        this.locations = locations;
        this.alerts = alerts;
        this.hardStops = hardStops;
    }

    @GetMapping("/custody/locations")
    String locations(Actor actor, Model model) {
        model.addAttribute("locations", locations.of(actor));
        return "custody/locations";
    }

    @GetMapping("/custody/alerts")
    String alerts(Actor actor, Model model) {
        model.addAttribute("alerts", alerts.open(actor));
        model.addAttribute("hardStops", hardStops.openAt(actor));
        return "custody/alerts";
    }

    @PostMapping("/custody/alerts/{id}/acknowledgement")
    String acknowledge(Actor actor, @PathVariable String id, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            alerts.acknowledge(actor, Ids.parse(id, "alert"), note);
        } catch (ProblemException e) {
            // as a monitoring alert's: another centre's alert or another role is the error page, a refused note or an
            // alert acknowledged already is said on the alerts page (the controller joins no transaction)
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("errors", FormErrors.of(e, java.util.Map.of("note", "Note")));
            return "redirect:/custody/alerts";
        }
        redirect.addFlashAttribute("success", "Alert acknowledged.");
        return "redirect:/custody/alerts";
    }
}
