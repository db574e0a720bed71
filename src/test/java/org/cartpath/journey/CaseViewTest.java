package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility.Level;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one "treating centre's own staff" test every module's access rule uses. */
class CaseViewTest {

    static final OrganisationId CENTRE = new OrganisationId(UUID.randomUUID());
    static final OrganisationId OTHER_CENTRE = new OrganisationId(UUID.randomUUID());
    static final OrganisationId MANUFACTURER = new OrganisationId(UUID.randomUUID());
    static final TherapyCase CASE = new TherapyCase(CaseId.of(UUID.randomUUID().toString()), "CP-TEST", UUID.randomUUID(),
            OTHER_CENTRE, CENTRE, "KYMRIAH", "B_ALL", "UK", null, Stage.SLOT_BOOKED, 1, Instant.EPOCH, Instant.EPOCH);

    static Stream<Arguments> actors() {
        return Stream.of(
                Arguments.of("the centre's coordinator", person(CENTRE, OrganisationKind.TREATMENT_CENTRE, Role.COORDINATOR),
                        Level.FULL, true, true),
                Arguments.of("the centre's ward nurse, asked for a coordinator",
                        person(CENTRE, OrganisationKind.TREATMENT_CENTRE, Role.WARD_NURSE), Level.FULL, true, false),
                Arguments.of("the referring centre's coordinator",
                        person(OTHER_CENTRE, OrganisationKind.TREATMENT_CENTRE, Role.COORDINATOR), Level.FULL, false, false),
                Arguments.of("the manufacturer, pseudonymised",
                        person(MANUFACTURER, OrganisationKind.MANUFACTURER, Role.COORDINATOR), Level.PSEUDONYMISED, false, false),
                Arguments.of("an actor of the centre seeing it pseudonymised (never given, but never enough)",
                        person(CENTRE, OrganisationKind.TREATMENT_CENTRE, Role.COORDINATOR), Level.PSEUDONYMISED, false, false),
                Arguments.of("an actor of no organisation", person(null, null, Role.ADMINISTRATOR), Level.FULL, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actors")
    void onlyTheTreatingCentresOwnStaffWhoSeeTheCaseInFullCount(String who, Actor actor, Level level, boolean centre,
            boolean asCoordinator) {
        CaseView view = new CaseView(CASE, level);
        assertThat(view.isTreatingCentre(actor)).isEqualTo(centre);
        assertThat(view.isTreatingCentre(actor, Role.COORDINATOR)).isEqualTo(asCoordinator);
    }

    private static Actor person(OrganisationId organisation, OrganisationKind kind, Role role) {
        return new Actor(UUID.randomUUID().toString(), Actor.ActorType.PERSON, "someone", "Someone", organisation, "Org",
                kind, false, Set.of(role));
    }
}
