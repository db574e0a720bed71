package org.cartpath.custody.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.chain.ItemStatus;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.custody.overview.CaseCustody;
import org.cartpath.custody.overview.CustodyOverview;
import org.cartpath.custody.scan.ScanOutcome;
import org.cartpath.custody.scan.ScanRefused;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.shipment.ShipmentMovements;
import org.cartpath.custody.shipment.ShipmentRegistration;
import org.cartpath.custody.shipment.ShipmentRequests;
import org.cartpath.custody.telemetry.CustodyAlerts;
import org.cartpath.custody.telemetry.TelemetryIngest;
import org.cartpath.custody.telemetry.TemperatureSeries;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseView;
import org.cartpath.scheduling.BookedManufacturer;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shipment pages: sending verified bags to the manufacturer, and a shipment's legs, holder, temperature curve
 * with its limits, excursions, and the hand-over and receipt forms (each scanned and signed).
 */
@Controller
class ShipmentPages {

    static final String FORM = "custody/shipment-form";
    static final String PAGE = "custody/shipment";

    private final ShipmentRegistration registration;
    private final ShipmentMovements movements;
    private final CustodyOverview overview;
    private final CustodyLog log;
    private final CaseAccess access;
    private final IdentifierStore identifiers;
    private final TemperatureSeries series;
    private final TelemetryIngest telemetry;
    private final CustodyAlerts alerts;
    private final HardStopPages hardStops;
    private final BookedManufacturers booked;
    private final ZoneId zone;

    ShipmentPages(ShipmentRegistration registration, ShipmentMovements movements, CustodyOverview overview, CustodyLog log,
            CaseAccess access, IdentifierStore identifiers, TemperatureSeries series, TelemetryIngest telemetry,
            CustodyAlerts alerts, HardStopPages hardStops, BookedManufacturers booked,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.booked = booked;
        this.registration = registration;
        this.movements = movements;
        this.overview = overview;
        this.log = log;
        this.access = access;
        this.identifiers = identifiers;
        this.series = series;
        this.telemetry = telemetry;
        this.alerts = alerts;
        this.hardStops = hardStops;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{id}/shipments/new")
    String form(Actor actor, @PathVariable String id, Model model) {
        CaseId caseId = CaseId.of(id);
        Map<String, Object> form = new HashMap<>();
        form.put("fromPlace", actor.organisationName());
        access.centreStaff(actor, caseId, Role.CELL_THERAPY_LAB, Role.APHERESIS_NURSE);
        booked.current(caseId).ifPresent(b -> form.put("toPlace", b.siteName()));
        return form(actor, caseId, form, Map.of(), model);
    }

    @PostMapping("/cases/{id}/shipments")
    String register(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            @RequestParam(name = "bagIds", required = false) List<String> bagIds, Model model, HttpServletResponse response) {
        CaseId caseId = CaseId.of(id);
        Map<String, Object> form = new HashMap<>(fields);
        form.put("bagIds", bagIds == null ? List.of() : bagIds);
        try {
            List<UUID> bags = bagIds == null ? List.of() : bagIds.stream().map(b -> Ids.parse(b, "collection bag")).toList();
            Shipment shipment = registration.outbound(actor, new ShipmentRequests.Outbound(caseId, bags,
                    fields.get("shipperId"), null, null,
                    List.of(new ShipmentRequests.LegRequest(fields.get("fromPlace"), fields.get("toPlace"),
                            organisation(fields.get("courierOrganisationId"), "courierOrganisationId"),
                            local(fields.get("expectedDeparture"), "legs[0].expectedDeparture"),
                            local(fields.get("expectedArrival"), "legs[0].expectedArrival"))),
                    fields.get("fromPlace")));
            return "redirect:/shipments/" + shipment.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            return form(actor, caseId, form, formErrors(e), model);
        }
    }

    @GetMapping("/shipments/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        return page(actor, Ids.parse(id, "shipment"), Map.of(), model);
    }

    @PostMapping("/shipments/{id}/hand-overs")
    String handOver(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID shipmentId = Ids.parse(id, "shipment");
        try {
            movements.handOver(actor, shipmentId, new ShipmentMovements.HandOver(null,
                    organisation(fields.get("toOrganisationId"), "toOrganisationId"), fields.get("place"), null, version(fields),
                    fields.get("scannedIdentifier"), fields.get("password")));
            redirect.addFlashAttribute("success", "Handed over: the holder is on record.");
            return "redirect:/shipments/" + shipmentId;
        } catch (ProblemException e) {
            return refused(actor, shipmentId, e, model, response);
        }
    }

    @PostMapping("/shipments/{id}/receipts")
    String receive(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID shipmentId = Ids.parse(id, "shipment");
        try {
            movements.receive(actor, shipmentId, new ShipmentMovements.Receipt(fields.get("place"), null, version(fields),
                    fields.get("scannedIdentifier"), fields.get("password")));
            redirect.addFlashAttribute("success", "Received: your organisation now holds the shipper and its contents.");
            return "redirect:/shipments/" + shipmentId;
        } catch (ProblemException e) {
            return refused(actor, shipmentId, e, model, response);
        }
    }

    private String refused(Actor actor, UUID shipmentId, ProblemException e, Model model, HttpServletResponse response) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
        response.setStatus(e.status());
        if (e instanceof ScanRefused refused && refused.scan().outcome() == ScanOutcome.MISMATCH) {
            Shipment shipment = overview.shipment(actor, shipmentId).shipment();
            if (CaseAccess.isCentre(actor, access.view(actor, shipment.caseId()))) {
                return hardStops.render(actor, refused.scan(), Map.of(), model);
            }
        }
        return page(actor, shipmentId, formErrors(e), model);
    }

    private String page(Actor actor, UUID shipmentId, Map<String, String> errors, Model model) {
        CaseCustody.ShipmentState state = overview.shipment(actor, shipmentId);
        Shipment shipment = state.shipment();
        CaseView view = access.view(actor, shipment.caseId());
        Custody shipper = log.custody(log.item(shipment.shipperItemId()));
        TemperatureSeries.Summary summary = series.summary(shipment);
        var excursions = telemetry.excursions(shipment.id());
        boolean holder = shipper.custodian() != null && shipper.custodian().id().equals(actor.organisationId());
        // a manufacturer moves the case's shipments only while it holds the booking (ADR 18)
        boolean actsNow = actor.organisationKind() != OrganisationKind.MANUFACTURER || booked.current(shipment.caseId())
                .filter(b -> b.manufacturerId().equals(actor.organisationId())).isPresent();
        List<Map<String, String>> takers = new ArrayList<>();
        shipment.legs().forEach(l -> access.find(l.courier()).ifPresent(o -> takers.add(Map.of("id", o.id().toString(), "name", o.name()))));
        access.find(shipment.destination()).ifPresent(o -> takers.add(Map.of("id", o.id().toString(), "name", o.name())));
        takers.removeIf(t -> t.get("id").equals(String.valueOf(actor.organisationId())));
        model.addAttribute("state", state);
        model.addAttribute("shipment", shipment);
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("identityVisible", view.identityVisible());
        model.addAttribute("coi", identifiers.coi(shipment.caseId()).orElse(null));
        model.addAttribute("shipper", shipper);
        model.addAttribute("contents", log.itemsWithCustody(shipment.contents()));
        model.addAttribute("summary", summary);
        model.addAttribute("excursions", excursions);
        model.addAttribute("curve", TemperatureCurveSvg.render(series.points(shipment, summary), shipment.profile(),
                excursions, summary, zone));
        model.addAttribute("alerts", view.identityVisible() ? alerts.ofShipment(shipment.id()) : List.of());
        model.addAttribute("courierNames", courierNames(shipment));
        model.addAttribute("mayHandOver", actor.isPerson() && actsNow && holder && shipper.status() != ItemStatus.NEW
                && !shipper.status().isClosed() && !takers.isEmpty());
        model.addAttribute("takers", takers);
        model.addAttribute("mayReceive", actor.isPerson() && actsNow && shipment.destination().equals(actor.organisationId())
                && shipper.status() == ItemStatus.IN_TRANSIT);
        model.addAttribute("errors", errors);
        return PAGE;
    }

    private Map<String, String> courierNames(Shipment shipment) {
        Map<String, String> names = new HashMap<>();
        shipment.legs().forEach(l -> access.find(l.courier()).ifPresent(o -> names.put(l.courier().toString(), o.name())));
        return names;
    }

    private String form(Actor actor, CaseId caseId, Map<String, Object> form, Map<String, String> errors, Model model) {
        CaseView view = access.centreStaff(actor, caseId, Role.CELL_THERAPY_LAB, Role.APHERESIS_NURSE);
        List<CustodyItem> bags = new ArrayList<>();
        for (CustodyItem item : log.items(caseId)) {
            Custody custody = log.custody(item);
            if (item.kind() == ItemKind.COLLECTION_BAG && custody.status() == ItemStatus.HELD
                    && custody.verified().contains(VerificationStep.COLLECTION)
                    && custody.custodian().id().equals(actor.organisationId())) {
                bags.add(item);
            }
        }
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("caseId", caseId.toString());
        model.addAttribute("bags", bags);
        // the cells go to the booked manufacturer and site, never a free choice (ADR 18)
        BookedManufacturer booking = booked.current(caseId).orElse(null);
        model.addAttribute("booked", booking);
        model.addAttribute("bookedManufacturerName", booking == null ? null
                : access.find(booking.manufacturerId()).map(o -> o.name()).orElse("the booked manufacturer"));
        model.addAttribute("couriers", access.directory(EnumSet.of(OrganisationKind.COURIER)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return FORM;
    }

    private static Map<String, String> formErrors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(e).forEach((field, message) -> errors.put(field.replace("legs[0].", ""), message));
        if (e.type().equals("signature-refused")) {
            return Map.of("password", e.detail());
        }
        return errors;
    }

    private static OrganisationId organisation(String value, String field) {
        return value == null || value.isBlank() ? null : ApiFields.organisation(value.trim(), field);
    }

    private Instant local(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date and time");
        }
    }

    private static Integer version(Map<String, String> fields) {
        try {
            return Integer.valueOf(fields.getOrDefault("expectedVersion", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("expectedVersion", "reload the page and try again");
        }
    }
}
