package org.cartpath.custody.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.custody.chain.CustodyFixture.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The custody rules of one item, given its history: who may record what, and who holds it afterwards. */
class CustodyTest {

    static final Party CENTRE = new Party(OrganisationId.random(), "Great Ormond Street", OrganisationKind.TREATMENT_CENTRE);
    static final Party COURIER = new Party(OrganisationId.random(), "Cryo Logistics", OrganisationKind.COURIER);
    static final Party MAKER = new Party(OrganisationId.random(), "Novartis", OrganisationKind.MANUFACTURER);
    static final UUID SHIPMENT = UUID.randomUUID();
    static final List<UUID> SIGNED = List.of(UUID.randomUUID(), UUID.randomUUID());

    static Instant at(int minutesBeforeNow) {
        return NOW.minus(Duration.ofMinutes(minutesBeforeNow));
    }

    static CustodyCommand labelled(Party by, int minutesAgo) {
        return CustodyCommand.of(CustodyEventType.LABELLED, at(minutesAgo), by, "Grace Lee", "Apheresis unit", null, List.of(), null);
    }

    static CustodyCommand verified(VerificationStep step, Party by, int minutesAgo) {
        return CustodyCommand.verify(at(minutesAgo), by, "Grace Lee", "Apheresis unit", step, SIGNED);
    }

    static CustodyCommand handedOver(Party by, Party from, Party to, int minutesAgo) {
        return CustodyCommand.handOver(at(minutesAgo), by, "Chris Byrne", "Loading bay", from, to, SHIPMENT, "DS-1", List.of());
    }

    static CustodyCommand event(CustodyEventType type, Party by, int minutesAgo) {
        return CustodyCommand.of(type, at(minutesAgo), by, "Someone", "Somewhere", SHIPMENT, List.of(), "a reason");
    }

    @Test
    void aVerifiedBagHandedToTheCourierIsInTransitWithTheCourier() {
        CustodyFixture.a(ItemKind.COLLECTION_BAG)
                .given(labelled(CENTRE, 60), verified(VerificationStep.COLLECTION, CENTRE, 50))
                .when(handedOver(CENTRE, CENTRE, COURIER, 40))
                .expectEvent(handedOver(CENTRE, CENTRE, COURIER, 40), custody -> {
                    assertThat(custody.status()).isEqualTo(ItemStatus.IN_TRANSIT);
                    assertThat(custody.custodian()).isEqualTo(COURIER);
                    assertThat(custody.since()).isEqualTo(at(40));
                    assertThat(custody.version()).isEqualTo(3);
                    assertThat(custody.place()).isEqualTo("Loading bay");
                });
    }

    @Test
    void theManufacturerReceivingABagInTransitBecomesItsCustodian() {
        CustodyFixture.a(ItemKind.COLLECTION_BAG)
                .given(labelled(CENTRE, 60), verified(VerificationStep.COLLECTION, CENTRE, 50),
                        handedOver(COURIER, CENTRE, COURIER, 40), event(CustodyEventType.SHIPPED, COURIER, 30))
                .when(event(CustodyEventType.RECEIVED, MAKER, 10))
                .expectEvent(event(CustodyEventType.RECEIVED, MAKER, 10), custody -> {
                    assertThat(custody.status()).isEqualTo(ItemStatus.HELD);
                    assertThat(custody.custodian()).isEqualTo(MAKER);
                    assertThat(custody.place()).isEqualTo("Somewhere");
                });
    }

    @Test
    void aBagThatHasNotPassedTheCollectionCheckMayNotLeave() {
        CustodyFixture.a(ItemKind.COLLECTION_BAG).given(labelled(CENTRE, 60))
                .when(handedOver(CENTRE, CENTRE, COURIER, 40))
                .expectRefusal("identity-not-verified", "two-person collection check");
    }

    @Test
    void aHandOverFromSomeoneWhoIsNotTheCustodianIsRefused() {
        CustodyFixture.a(ItemKind.COLLECTION_BAG)
                .given(labelled(CENTRE, 60), verified(VerificationStep.COLLECTION, CENTRE, 50))
                .when(handedOver(COURIER, COURIER, MAKER, 40))
                .expectRefusal("not-custodian", "Cryo Logistics is not the current custodian");
    }

    @Test
    void aReceiptOfAnItemNeverShippedIsRefused() {
        CustodyFixture.a(ItemKind.COLLECTION_BAG)
                .given(labelled(CENTRE, 60), verified(VerificationStep.COLLECTION, CENTRE, 50))
                .when(event(CustodyEventType.RECEIVED, MAKER, 10))
                .expectRefusal("never-shipped", "was never shipped");
    }

    @Test
    void onlyTheCustodianStoresAnItem() {
        CustodyFixture.a(ItemKind.PRODUCT_BAG).given(labelled(MAKER, 60))
                .when(event(CustodyEventType.STORED, CENTRE, 10))
                .expectRefusal("not-custodian", "Novartis holds it");
    }

    @Test
    void aProductIsAdministeredOnlyAfterTheBedsideCheck() {
        CustodyFixture.a(ItemKind.PRODUCT_BAG).given(labelled(CENTRE, 60), event(CustodyEventType.THAWED, CENTRE, 30))
                .when(event(CustodyEventType.ADMINISTERED, CENTRE, 10))
                .expectRefusal("bedside-check-missing", "bedside check");
        CustodyFixture.a(ItemKind.PRODUCT_BAG)
                .given(labelled(CENTRE, 60), verified(VerificationStep.BEDSIDE, CENTRE, 40), event(CustodyEventType.THAWED, CENTRE, 30))
                .when(event(CustodyEventType.ADMINISTERED, CENTRE, 10))
                .expectEvent(event(CustodyEventType.ADMINISTERED, CENTRE, 10),
                        custody -> assertThat(custody.status()).isEqualTo(ItemStatus.ADMINISTERED));
    }

    @Test
    void nothingIsRecordedAfterAnItemIsClosed() {
        CustodyFixture.a(ItemKind.PRODUCT_BAG).given(labelled(CENTRE, 60), event(CustodyEventType.DESTROYED, CENTRE, 30))
                .when(event(CustodyEventType.STORED, CENTRE, 10))
                .expectRefusal("custody-item-closed", "was destroyed");
    }

    @Test
    void anItemIsLabelledOnceAndNothingHappensBeforeIt() {
        CustodyFixture.a(ItemKind.SHIPPER).given(labelled(CENTRE, 60)).when(labelled(CENTRE, 10))
                .expectRefusal("already-labelled", "already labelled");
        CustodyFixture.a(ItemKind.SHIPPER).when(event(CustodyEventType.STORED, CENTRE, 10))
                .expectRefusal("not-labelled", "labelled first");
    }

    @Test
    void aCollectionCheckIsNotMadeOnAProductNorIsABagThawed() {
        CustodyFixture.a(ItemKind.PRODUCT_BAG).given(labelled(CENTRE, 60))
                .when(verified(VerificationStep.COLLECTION, CENTRE, 10))
                .expectRefusal("wrong-item-kind", "product bag");
        CustodyFixture.a(ItemKind.COLLECTION_BAG).given(labelled(CENTRE, 60))
                .when(event(CustodyEventType.THAWED, CENTRE, 10))
                .expectRefusal("wrong-item-kind", "Only a product bag");
    }

    @Test
    void aProductIsThawedOnce() {
        CustodyFixture.a(ItemKind.PRODUCT_BAG).given(labelled(CENTRE, 60), event(CustodyEventType.THAWED, CENTRE, 30))
                .when(event(CustodyEventType.THAWED, CENTRE, 10))
                .expectRefusal("already-thawed", "already thawed");
    }

    @Test
    void destroyingNeedsAReason() {
        CustodyFixture.a(ItemKind.PRODUCT_BAG).given(labelled(CENTRE, 60))
                .when(CustodyCommand.of(CustodyEventType.DESTROYED, at(10), CENTRE, "QA", "Lab", null, List.of(), " "))
                .expectRefusal("invalid-request", "reason");
    }

    /** Times: a little clock drift is tolerated; the future beyond it and anything before the last event are not. */
    @ParameterizedTest(name = "{0} s after now, last event {1} s before now: {2}")
    @CsvSource({
            "0,      -60, accepted",
            "300,    -60, accepted",
            "301,    -60, timestamp-in-future",
            "-60,    -60, accepted",
            "-61,    -60, out-of-order",
            "-3600,  -60, out-of-order"})
    void anEventMayNotBeInTheFutureNorBeforeTheLastOne(int secondsFromNow, int lastSecondsFromNow, String outcome) {
        CustodyCommand last = CustodyCommand.of(CustodyEventType.LABELLED, NOW.plusSeconds(lastSecondsFromNow), CENTRE,
                "Grace Lee", "Apheresis unit", null, List.of(), null);
        CustodyCommand next = CustodyCommand.of(CustodyEventType.STORED, NOW.plusSeconds(secondsFromNow), CENTRE,
                "Grace Lee", "Freezer 2", null, List.of(), null);
        CustodyFixture fixture = CustodyFixture.a(ItemKind.COLLECTION_BAG).given(last).when(next);
        if (outcome.equals("accepted")) {
            fixture.expectEvent(next, custody -> assertThat(custody.place()).isEqualTo("Freezer 2"));
        } else {
            fixture.expectRefusal(outcome, "");
        }
    }

    @Test
    void theCustodianIsDerivedFromTheWholeLog() {
        List<CustodyCommand> log = List.of(labelled(CENTRE, 100), verified(VerificationStep.COLLECTION, CENTRE, 90),
                handedOver(CENTRE, CENTRE, COURIER, 80), event(CustodyEventType.SHIPPED, COURIER, 70),
                event(CustodyEventType.RECEIVED, MAKER, 60), event(CustodyEventType.STORED, MAKER, 50));
        Custody custody = Custody.unlabelled(UUID.randomUUID(), ItemKind.COLLECTION_BAG);
        Party[] holders = {CENTRE, CENTRE, COURIER, COURIER, MAKER, MAKER};
        for (int i = 0; i < log.size(); i++) {
            custody = custody.apply(custody.decide(log.get(i), NOW));
            assertThat(custody.custodian()).as("after event %d", i + 1).isEqualTo(holders[i]);
        }
        assertThat(custody.since()).isEqualTo(at(60));
        assertThat(custody.verified()).containsExactly(VerificationStep.COLLECTION);
    }
}
