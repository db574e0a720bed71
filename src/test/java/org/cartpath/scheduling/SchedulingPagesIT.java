package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduling's pages and forms: what each role sees, and every bad form answered with an error summary. */
@CartpathIntegrationTest
class SchedulingPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    Centre centre;
    Manufacturer manufacturer;
    Http coordinator;
    LocalDate week;
    List<ManufacturingSlot> slots;

    @BeforeEach
    void aCentreAndSlots() {
        centre = fixtures.centre(1);
        manufacturer = fixtures.manufacturer();
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        week = fixtures.week(2);
        slots = fixtures.publish(manufacturer, "KYMRIAH", week, Map.of(DayOfWeek.WEDNESDAY, 1, DayOfWeek.THURSDAY, 1),
                List.of());
    }

    private long bookings(TherapyCase c) {
        return jdbc.sql("select count(*) from slot_booking where case_id = ?").param(c.id().value()).query(Long.class).single();
    }

    private static void assertErrorSummary(HttpResponse<String> page, String... messages) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("There is a problem");
        for (String message : messages) {
            assertThat(page.body()).contains(message);
        }
    }

    @Test
    void aCoordinatorBooksFromTheCasePageAndSeesThePlanThenCancelsKeepingTheHistory() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String casePage = coordinator.get("/cases/" + c.id()).body();
        assertThat(casePage).contains("Book a manufacturing slot").contains("Add to the waitlist");

        // the calendar first: each day's chairs beside the slots that fit, a day to choose
        HttpResponse<String> calendar = coordinator.get("/scheduling/cases/" + c.id() + "/booking");
        assertThat(calendar.statusCode()).isEqualTo(200);
        String row = calendar.body().substring(calendar.body().indexOf("data-day=\"" + week + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("1 of 1").contains("apheresisDate=" + week).contains("Choose");
        String sunday = calendar.body().substring(calendar.body().indexOf("data-day=\"" + week.minusDays(1) + "\""));
        assertThat(sunday.substring(0, sunday.indexOf("</tr>"))).contains("Closed").doesNotContain("Choose");
        assertThat(calendar.body()).doesNotContain("KYMRIAH").contains("Kymriah");
        assertErrorSummary(coordinator.get("/scheduling/cases/" + c.id() + "/booking?apheresisDate="),
                "Enter the apheresis date, or choose a day in the calendar");

        HttpResponse<String> form = coordinator.get("/scheduling/cases/" + c.id() + "/booking?apheresisDate=" + week);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("apheresis chairs free").contains("Test site " + manufacturer.site())
                .contains(slots.get(0).id().toString());

        // no slot chosen; a closed day; then the real booking
        assertErrorSummary(coordinator.postForm("/scheduling/cases/" + c.id() + "/booking",
                Map.of("apheresisDate", week.toString())), "Choose a manufacturing slot");
        HttpResponse<String> closed = coordinator.postForm("/scheduling/cases/" + c.id() + "/booking",
                Map.of("apheresisDate", week.minusDays(1).toString(), "slotId", slots.get(0).id().toString()));
        assertErrorSummary(closed, "does not collect on " + week.minusDays(1));
        assertThat(closed.body()).contains("data-testid=\"open-days\"").contains("apheresisDate=" + week);
        assertErrorSummary(coordinator.postForm("/scheduling/cases/" + c.id() + "/booking",
                Map.of("apheresisDate", "next Monday", "slotId", slots.get(0).id().toString())),
                "Apheresis date must be a date");
        assertThat(bookings(c)).isZero();
        HttpResponse<String> booked = coordinator.postForm("/scheduling/cases/" + c.id() + "/booking",
                Map.of("apheresisDate", week.toString(), "slotId", slots.get(0).id().toString()));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(302);
        assertThat(booked.headers().firstValue("Location").orElse("")).endsWith("/cases/" + c.id());

        String withPlan = coordinator.get("/cases/" + c.id()).body();
        assertThat(withPlan).contains("data-testid=\"plan\"").contains("Slot booked").contains("Reschedule or cancel")
                .contains("Shipment to the manufacturing site").contains(">Default<").contains("—");
        String bookingId = jdbc.sql("select id::text from slot_booking where case_id = ?").param(c.id().value())
                .query(String.class).single();

        HttpResponse<String> bookedPage = coordinator.get("/scheduling/bookings/" + bookingId + "?apheresisDate="
                + week.plusDays(1));
        assertThat(bookedPage.body()).contains("Move the booking").contains("Keep the booked slot").contains("Cancel the booking");
        assertErrorSummary(coordinator.postForm("/scheduling/bookings/" + bookingId + "/rescheduling",
                Map.of("apheresisDate", week.plusDays(1).toString(), "slotId", "")), "Reason is required");
        assertErrorSummary(coordinator.postForm("/scheduling/bookings/" + bookingId + "/cancellation", Map.of()),
                "Reason is required");
        assertThat(coordinator.postForm("/scheduling/bookings/" + bookingId + "/cancellation",
                Map.of("cancelReason", "Patient unwell")).statusCode()).isEqualTo(302);
        String afterCancel = coordinator.get("/cases/" + c.id()).body();
        assertThat(afterCancel).contains("No active booking").contains("Booking history").contains("Cancelled")
                .contains("Patient unwell").contains("Book a manufacturing slot");
    }

    @Test
    void theBookingPagesBelongToTheTreatingCentresCoordinators() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        Http stranger = Http.signedIn(port, fixtures.centre(1).coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(stranger.get("/scheduling/cases/" + c.id() + "/booking").statusCode()).isEqualTo(404);
        assertThat(stranger.postForm("/scheduling/cases/" + c.id() + "/booking", Map.of("apheresisDate", week.toString(),
                "slotId", slots.get(0).id().toString())).statusCode()).isEqualTo(404);
        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        assertThat(consultant.get("/scheduling/cases/" + c.id() + "/booking").statusCode()).isEqualTo(403);
        assertThat(consultant.get("/cases/" + c.id()).body()).doesNotContain("/scheduling/cases/" + c.id() + "/booking");
        assertThat(coordinator.get("/scheduling/cases/not-a-case/booking").statusCode()).isEqualTo(404);
        assertThat(coordinator.get("/scheduling/bookings/not-a-booking").statusCode()).isEqualTo(404);
        assertThat(bookings(c)).isZero();
    }

    @Test
    void theWaitlistPagesPutACaseOnTheListAndTakeTheConsultantsPriorityWithAReason() {
        TherapyCase c = fixtures.approvedCase(centre, "AUCATZYL", "B_ALL");
        assertThat(coordinator.get("/scheduling/cases/" + c.id() + "/waitlist").body()).contains("Add to the Aucatzyl waitlist");
        assertThat(coordinator.postForm("/scheduling/cases/" + c.id() + "/waitlist", Map.of()).statusCode()).isEqualTo(302);
        assertErrorSummary(coordinator.postForm("/scheduling/cases/" + c.id() + "/waitlist", Map.of()), "already on the");
        String casePage = coordinator.get("/cases/" + c.id()).body();
        assertThat(casePage).contains("data-testid=\"waitlist-panel\"").contains("Days waiting").doesNotContain("Add to the waitlist");
        String entryId = jdbc.sql("select id::text from waitlist_entry where case_id = ?").param(c.id().value())
                .query(String.class).single();
        assertThat(coordinator.get("/scheduling/waitlist?product=AUCATZYL").body()).contains(c.reference())
                .as("products by name").contains(">Aucatzyl<").doesNotContain(">AUCATZYL<", ">KYMRIAH<");
        assertThat(coordinator.get("/scheduling/waitlist?product=NOTHING").statusCode()).isEqualTo(400);

        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> noReason = consultant.postForm("/scheduling/waitlist/" + entryId + "/clinical-priority",
                Map.of("urgency", "URGENT", "kinetics", "STABLE"));
        assertErrorSummary(noReason, "Reason is required");
        assertThat(consultant.postForm("/scheduling/waitlist/" + entryId + "/clinical-priority",
                Map.of("urgency", "URGENT", "kinetics", "STABLE", "reason", "Relapse on therapy")).statusCode()).isEqualTo(302);
        assertErrorSummary(consultant.postForm("/scheduling/waitlist/" + entryId + "/committee-override",
                Map.of("rank", "first", "reason", "x")), "Rank must be a whole number");
        assertThat(coordinator.postForm("/scheduling/waitlist/" + entryId + "/clinical-priority",
                Map.of("urgency", "URGENT", "kinetics", "STABLE", "reason", "x")).statusCode()).isEqualTo(403);
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertThat(referrer.get("/cases/" + c.id()).body()).contains("data-testid=\"waitlist-position\"");
        assertThat(referrer.get("/scheduling/waitlist").statusCode()).isEqualTo(403);
    }

    @Test
    void capacityFormsPublishMirrorAndSetChairsAndAnswerBadInputWithAnErrorSummary() {
        Http operator = Http.signedIn(port, manufacturer.operator().username(), IdentityFixtures.PASSWORD);
        assertThat(operator.get("/scheduling/capacity").body()).contains("Publish a week").contains("Test site " + manufacturer.site())
                .as("products by name").contains(">Kymriah<").doesNotContain(">KYMRIAH<");
        Map<String, String> form = new HashMap<>(Map.of("siteCode", manufacturer.site(), "siteName", "Test site "
                + manufacturer.site(), "productCode", "KYMRIAH", "weekStart", fixtures.week(5).toString(), "mode", "day",
                "slotsMONDAY", "2"));
        form.put("slotsTUESDAY", "two");
        assertErrorSummary(operator.postForm("/scheduling/capacity", form), "Slots on Tuesday must be a whole number");
        form.put("slotsTUESDAY", "1");
        form.put("weekStart", fixtures.week(5).plusDays(1).toString());
        assertErrorSummary(operator.postForm("/scheduling/capacity", form), "must be a Monday");
        form.put("weekStart", fixtures.week(5).toString());
        form.put("exceptionDate0", fixtures.week(5).toString());
        assertErrorSummary(operator.postForm("/scheduling/capacity", form), "Exception 1: reason is required");
        assertThat(fixtures.slotsOf(manufacturer, fixtures.week(5))).isEmpty();
        form.put("exceptionReason0", "Site holiday");
        HttpResponse<String> published = operator.postForm("/scheduling/capacity", form);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(fixtures.slotsOf(manufacturer, fixtures.week(5))).hasSize(1);

        Map<String, String> mirror = new HashMap<>(form);
        mirror.put("manufacturerId", manufacturer.organisation().id().toString());
        mirror.put("weekStart", fixtures.week(6).toString());
        mirror.put("exceptionDate0", fixtures.week(6).toString());
        String mirrorPage = coordinator.get("/scheduling/capacity?manufacturerId=" + manufacturer.organisation().id()).body();
        assertThat(mirrorPage).contains("Mirror a week").contains(manufacturer.organisation().name());
        assertThat(coordinator.postForm("/scheduling/capacity", mirror).statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/scheduling/capacity?manufacturerId=" + manufacturer.organisation().id()).body())
                .contains("Mirrored");
        mirror.remove("manufacturerId");
        assertErrorSummary(coordinator.postForm("/scheduling/capacity", mirror), "Manufacturer id is required");
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertThat(referrer.get("/scheduling/capacity").statusCode()).isEqualTo(403);

        assertThat(coordinator.get("/scheduling/apheresis").body()).contains("Apheresis chairs").contains("Save changes");
        String version = jdbc.sql("select version::text from apheresis_unit where centre_id = ?")
                .param(centre.organisation().id().value()).query(String.class).single();
        assertErrorSummary(coordinator.postForm("/scheduling/apheresis", Map.of("chairsPerDay", "many", "version", version,
                "openingDays", "MONDAY")), "Chairs per day must be a whole number");
        assertErrorSummary(coordinator.postForm("/scheduling/apheresis", Map.of("chairsPerDay", "2", "version", version)),
                "choose at least one weekday");
        assertThat(coordinator.postForm("/scheduling/apheresis", Map.of("chairsPerDay", "3", "version", version,
                "openingDays", "TUESDAY")).statusCode()).isEqualTo(302);
        assertErrorSummary(coordinator.postForm("/scheduling/apheresis/exceptions", Map.of("date", week.toString(),
                "chairs", "0")), "Reason is required");
        assertThat(coordinator.postForm("/scheduling/apheresis/exceptions", Map.of("date", week.plusDays(1).toString(),
                "chairs", "0", "reason", "Training day")).statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/scheduling/apheresis").body()).contains("Training day");
        assertThat(Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD)
                .postForm("/scheduling/apheresis", Map.of("chairsPerDay", "3", "openingDays", "MONDAY")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void calendarsAndNavigationFollowTheRole() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        coordinator.postForm("/scheduling/cases/" + c.id() + "/booking", Map.of("apheresisDate", week.toString(),
                "slotId", slots.get(0).id().toString()));
        String home = coordinator.get("/").body();
        assertThat(home).contains("href=\"/scheduling/calendar\"").contains("href=\"/scheduling/waitlist\"")
                .contains("href=\"/scheduling/capacity\"").contains("href=\"/scheduling/apheresis\"");
        String centreCalendar = coordinator.get("/scheduling/calendar?week=" + week).body();
        assertThat(centreCalendar).contains("Centre calendar").contains(c.reference()).contains("1 of 1 booked");
        assertThat(coordinator.get("/scheduling/calendar?week=soon").body()).contains("There is a problem");

        Http operator = Http.signedIn(port, manufacturer.operator().username(), IdentityFixtures.PASSWORD);
        String operatorHome = operator.get("/").body();
        assertThat(operatorHome).contains("href=\"/scheduling/calendar\"").contains("Open the slot calendar")
                .doesNotContain("href=\"/scheduling/waitlist\"");
        String slotsPage = operator.get("/scheduling/calendar?week=" + week).body();
        assertThat(slotsPage).contains("Slot calendar").contains(c.reference()).contains(centre.organisation().name());
        assertThat(operator.get("/scheduling/calendar/export?from=" + week + "&to=" + week.plusDays(6)).body())
                .contains(c.reference());
        assertThat(coordinator.get("/scheduling/calendar/export?from=" + week + "&to=" + week).statusCode()).isEqualTo(403);
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertThat(referrer.get("/scheduling/calendar").statusCode()).isEqualTo(403);
        assertThat(journey.get(centre.coordinatorActor(), c.id()).therapyCase().stage()).isEqualTo(Stage.SLOT_BOOKED);
    }
}
