package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Manufacturer operators never see patient identity in scheduling's calendars, API answers or exports. Canary
 * patient data is planted wherever a coordinator types free text about a booking (reasons); every answer a
 * manufacturer can get must show the case by reference and never the canary or the patient's id.
 */
@CartpathIntegrationTest
class ManufacturerPrivacyIT {

    static final String NAME = "Zzcanary Patient";
    static final String NHS_NUMBER = "943 476 5919";

    @LocalServerPort
    int port;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    SlotBookings bookings;

    @Autowired
    BookingChanges changes;

    @Test
    void noManufacturerAnswerPageOrExportContainsThePatient() {
        Centre centre = fixtures.centre(2);
        Manufacturer manufacturer = fixtures.manufacturer();
        LocalDate week = fixtures.week(2);
        List<ManufacturingSlot> slots = fixtures.publish(manufacturer, "KYMRIAH", week,
                Map.of(DayOfWeek.THURSDAY, 1, DayOfWeek.FRIDAY, 2), List.of());
        TherapyCase kept = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        TherapyCase cancelled = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String canary = NAME + ", NHS number " + NHS_NUMBER;
        SlotBooking first = bookings.book(centre.coordinatorActor(), new NewBooking(kept.id(), slots.get(0).id(), week, false))
                .booking();
        SlotBooking moved = changes.reschedule(centre.coordinatorActor(), first.id(),
                new Rescheduling(week.plusDays(1), slots.get(1).id(), "Moved because " + canary + " is unwell")).booking();
        SlotBooking other = bookings.book(centre.coordinatorActor(), new NewBooking(cancelled.id(), slots.get(2).id(), week,
                false)).booking();
        changes.cancel(centre.coordinatorActor(), other.id(), "Cancelled: " + canary + " withdrew consent");

        // the centre sees its reasons: the canary is really there to leak
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(coordinator.get("/api/v1/cases/" + kept.id() + "/bookings").body()).contains(NAME);

        Http token = Http.token(port, manufacturer.token());
        Http operator = Http.signedIn(port, manufacturer.operator().username(), IdentityFixtures.PASSWORD);
        String range = "from=" + week + "&to=" + week.plusDays(6);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (Http http : List.of(token, operator)) {
            String who = http == token ? "token " : "operator ";
            answers.put(who + "calendar", http.get("/api/v1/calendars/manufacturer?week=" + week));
            answers.put(who + "utilisation", http.get("/api/v1/utilisation?from=" + week + "&weeks=2"));
            answers.put(who + "bookings", http.get("/api/v1/manufacturer-bookings?" + range));
            answers.put(who + "export", http.get("/api/v1/manufacturer-bookings/export?" + range));
            answers.put(who + "booking", http.get("/api/v1/bookings/" + moved.id()));
            answers.put(who + "rescheduled booking", http.get("/api/v1/bookings/" + first.id()));
            answers.put(who + "cancelled booking", http.get("/api/v1/bookings/" + other.id()));
            answers.put(who + "history", http.get("/api/v1/cases/" + kept.id() + "/bookings"));
            answers.put(who + "cancelled history", http.get("/api/v1/cases/" + cancelled.id() + "/bookings"));
            answers.put(who + "capacity", http.get("/api/v1/capacity-publications"));
        }
        answers.put("calendar page", operator.get("/scheduling/calendar?week=" + week));
        answers.put("export page", operator.get("/scheduling/calendar/export?" + range));
        answers.put("home page", operator.get("/"));
        answers.put("capacity page", operator.get("/scheduling/capacity"));

        answers.forEach((what, response) -> {
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(what).doesNotContain(NAME).doesNotContain("Zzcanary")
                    .doesNotContain(NHS_NUMBER).doesNotContain(NHS_NUMBER.replace(" ", ""))
                    .doesNotContain(kept.patientId().toString()).doesNotContain(cancelled.patientId().toString());
        });
        for (String what : List.of("token calendar", "token bookings", "token export", "calendar page", "export page",
                "operator history")) {
            assertThat(answers.get(what).body()).as(what).contains(kept.reference());
        }
        assertThat(answers.get("token calendar").body()).contains(centre.organisation().name());
        assertThat(answers.get("export page").headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    }
}
