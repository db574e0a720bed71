package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;

/**
 * Random sequences of journey commands against the case aggregate: no sequence reaches a stage without
 * having passed through the stages before it, and every accepted command is exactly one transition.
 */
class JourneyProperties {

    @Property(tries = 2000)
    void noSequenceReachesAStageWithoutItsPredecessors(
            @ForAll @Size(max = 60) List<@IntRange(min = -17, max = 100) Integer> choices) {
        TherapyCase therapyCase = new TherapyCase(CaseId.random(), "CP-TEST", UUID.randomUUID(), OrganisationId.random(),
                OrganisationId.random(), null, null, null, null, Stage.REFERRED, 0, Instant.EPOCH, Instant.EPOCH);
        Set<Stage> visited = EnumSet.of(Stage.REFERRED);
        List<Stage> transitions = new ArrayList<>();
        int deepest = 0;
        for (int choice : choices) {
            Stage before = therapyCase.stage();
            // mostly a forward step the table allows (so that sequences get deep), sometimes an ending,
            // sometimes any stage at all (mostly refused)
            List<Stage> followers = new ArrayList<>(before.followers());
            List<Stage> forward = followers.stream().filter(stage -> !stage.isEnding()).toList();
            List<Stage> pool = choice % 8 == 0 || forward.isEmpty() ? followers : forward;
            Stage request = choice < 0 || pool.isEmpty() ? Stage.values()[-Math.min(choice, -1) - 1]
                    : pool.get(choice % pool.size());
            try {
                therapyCase = therapyCase.moveTo(request, Instant.EPOCH);
                transitions.add(request);
                assertThat(before.mayMoveTo(request)).isTrue();
            } catch (ProblemException refused) {
                assertThat(refused.status()).isEqualTo(409);
                assertThat(refused.type()).isEqualTo("illegal-transition");
                assertThat(refused.properties()).containsEntry("currentStage", before.name());
                assertThat(therapyCase.stage()).isEqualTo(before);
                continue;
            }
            if (!request.isEnding()) {
                Stage[] path = Stage.path();
                for (Stage earlier : path) {
                    if (earlier == request) {
                        break;
                    }
                    assertThat(visited).as("reached %s without %s", request, earlier).contains(earlier);
                }
            }
            visited.add(request);
            if (!request.isEnding()) {
                deepest = Math.max(deepest, request.ordinal());
            }
        }
        Statistics.label("furthest stage reached").collect(Stage.values()[deepest].name());
        assertThat(therapyCase.version()).as("one version per accepted transition").isEqualTo(transitions.size());
    }
}
