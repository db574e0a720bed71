package org.cartpath.manufacturing.web;

import java.util.List;
import java.util.Set;
import org.cartpath.manufacturing.BookingNotices;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Page;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The manufacturer's page of booking notices: the latest bookings, moves and cancellations of its slots (ADR 0022). */
@Controller
class BookingNoticePages implements NavigationContributor {

    static final String VIEW = "manufacturing/booking-notices";
    static final int SHOWN = 100;

    private final BookingNotices notices;

    BookingNoticePages(BookingNotices notices) {
        this.notices = notices;
    }

    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Booking notices", "/manufacturing/booking-notices", 420,
                Set.of(Role.MANUFACTURER_OPERATOR)));
    }

    @GetMapping("/manufacturing/booking-notices")
    String list(Actor actor, Model model) {
        model.addAttribute("notices", notices.notices(actor, new Page.Request(0, SHOWN)));
        return VIEW;
    }
}
