package org.cartpath.custody.shipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/** What registering a shipment asks for, and the checks that name each field at fault. */
public final class ShipmentRequests {

    /** A dry shipper's id as the courier marks it: upper-case letters, digits and hyphens. */
    static final Pattern SHIPPER_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
    static final Pattern LOT = Pattern.compile("[A-Z0-9][A-Z0-9./-]{0,39}");
    static final int MAX_LEGS = 6;
    static final int MAX_BAGS = 12;
    static final int MAX_PLACE = 200;

    private ShipmentRequests() {
    }

    public record LegRequest(String fromPlace, String toPlace, OrganisationId courier, Instant expectedDeparture,
            Instant expectedArrival) {
    }

    public record ProductBagRequest(String lot, Integer bagNumber) {
    }

    /** The centre sends collected cells to the manufacturer. */
    public record Outbound(CaseId caseId, List<UUID> bagIds, String shipperId, OrganisationId manufacturer,
            String temperatureProfile, List<LegRequest> legs, String place) {
    }

    /** The manufacturer sends the product back to the treating centre. */
    public record Return(CaseId caseId, String shipperId, String temperatureProfile, List<LegRequest> legs,
            List<ProductBagRequest> productBags, String place) {
    }

    static void checkShipperId(String shipperId, List<FieldProblem> problems) {
        if (shipperId == null || shipperId.isEmpty()) {
            problems.add(new FieldProblem("shipperId", "is required"));
        } else if (!SHIPPER_ID.matcher(shipperId).matches()) {
            problems.add(new FieldProblem("shipperId", "must be 3 to 40 characters: upper-case letters, digits and hyphens"));
        }
    }

    static void checkLegs(List<LegRequest> legs, List<FieldProblem> problems) {
        if (legs == null || legs.isEmpty()) {
            problems.add(new FieldProblem("legs", "give at least one leg"));
            return;
        }
        if (legs.size() > MAX_LEGS) {
            problems.add(new FieldProblem("legs", "at most " + MAX_LEGS + " legs"));
            return;
        }
        for (int i = 0; i < legs.size(); i++) {
            LegRequest leg = legs.get(i);
            String at = "legs[" + i + "].";
            if (leg == null) {
                problems.add(new FieldProblem("legs[" + i + "]", "is required"));
                continue;
            }
            checkPlace(at + "fromPlace", leg.fromPlace(), problems);
            checkPlace(at + "toPlace", leg.toPlace(), problems);
            if (leg.courier() == null) {
                problems.add(new FieldProblem(at + "courierOrganisationId", "is required"));
            }
            if (leg.expectedDeparture() == null) {
                problems.add(new FieldProblem(at + "expectedDeparture", "is required"));
            }
            if (leg.expectedArrival() == null) {
                problems.add(new FieldProblem(at + "expectedArrival", "is required"));
            } else if (leg.expectedDeparture() != null && !leg.expectedArrival().isAfter(leg.expectedDeparture())) {
                problems.add(new FieldProblem(at + "expectedArrival", "must be after the expected departure"));
            }
        }
    }

    static void checkProductBags(List<ProductBagRequest> bags, List<FieldProblem> problems) {
        if (bags == null || bags.isEmpty()) {
            problems.add(new FieldProblem("productBags", "give at least one product bag"));
            return;
        }
        if (bags.size() > MAX_BAGS) {
            problems.add(new FieldProblem("productBags", "at most " + MAX_BAGS + " bags"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bags.size(); i++) {
            ProductBagRequest bag = bags.get(i);
            String at = "productBags[" + i + "].";
            if (bag == null || bag.lot() == null || !LOT.matcher(bag.lot()).matches()) {
                problems.add(new FieldProblem(at + "lot", "must be 1 to 40 characters: upper-case letters, digits, '.', '/' or '-'"));
            }
            if (bag == null || bag.bagNumber() == null || bag.bagNumber() < 1 || bag.bagNumber() > 99) {
                problems.add(new FieldProblem(at + "bagNumber", "must be a whole number from 1 to 99"));
            }
            if (bag != null && !seen.add(bag.lot() + "/" + bag.bagNumber())) {
                problems.add(new FieldProblem(at + "bagNumber", "the same lot and bag number is listed twice"));
            }
        }
    }

    static void checkPlace(String field, String place, List<FieldProblem> problems) {
        if (place == null || place.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (place.length() > MAX_PLACE) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_PLACE + " characters"));
        }
    }

    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    static List<FieldProblem> problems() {
        return new ArrayList<>();
    }
}
