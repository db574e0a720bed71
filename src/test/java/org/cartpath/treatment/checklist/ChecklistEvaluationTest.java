package org.cartpath.treatment.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.treatment.checklist.ChecklistEvaluation.Entry;
import org.cartpath.treatment.checklist.ChecklistEvaluation.EntryKind;
import org.cartpath.treatment.checklist.ChecklistEvaluation.Finding;
import org.cartpath.treatment.checklist.ChecklistEvaluation.ItemState;
import org.cartpath.treatment.checklist.ChecklistEvaluation.State;
import org.cartpath.treatment.checklist.ChecklistEvaluation.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each checklist item stands: cartpath's findings, people's ticks and overrides, and how long they count. */
class ChecklistEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final Map<String, Finding> findings = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    @BeforeEach
    void everyAutomaticItemMet() {
        for (ChecklistItem item : ChecklistItem.DEFAULTS) {
            if (item.kind() == ChecklistItem.Kind.AUTOMATIC) {
                findings.put(item.code(), new Finding(Status.MET, "on record", !ChecklistItem.NEVER_OVERRIDDEN
                        .contains(item.code())));
            }
        }
    }

    private void entry(String code, EntryKind kind, Duration ago) {
        entries.add(new Entry(UUID.randomUUID(), code, kind, kind == EntryKind.TICKED ? null : "why", "A Person",
                "WARD_NURSE", NOW.minus(ago), kind == EntryKind.OVERRIDDEN ? UUID.randomUUID() : null));
    }

    private ItemState state(String code) {
        return evaluate().stream().filter(i -> i.item().code().equals(code)).findFirst().orElseThrow();
    }

    private List<ItemState> evaluate() {
        return ChecklistEvaluation.evaluate(ChecklistItem.DEFAULTS, findings, entries, NOW, DAY);
    }

    @Test
    void withNothingTickedOnlyTheAutomaticItemsMetAreDone() {
        List<ItemState> states = evaluate();
        assertThat(states).filteredOn(s -> s.state() == State.DONE_BY_CARTPATH).hasSize(4);
        assertThat(states).filteredOn(s -> s.state() == State.OPEN).extracting(s -> s.item().code())
                .containsExactly(ChecklistItem.NO_UNCONTROLLED_INFECTION, ChecklistItem.CONSENT_CURRENT,
                        ChecklistItem.OBSERVATIONS_WITHIN_LIMITS);
        assertThat(ChecklistEvaluation.complete(states)).isFalse();
    }

    @Test
    void theManualItemsTickedMakeItComplete() {
        for (String code : List.of(ChecklistItem.NO_UNCONTROLLED_INFECTION, ChecklistItem.CONSENT_CURRENT,
                ChecklistItem.OBSERVATIONS_WITHIN_LIMITS)) {
            entry(code, EntryKind.TICKED, Duration.ofHours(1));
        }
        assertThat(ChecklistEvaluation.complete(evaluate())).isTrue();
        assertThat(state(ChecklistItem.CONSENT_CURRENT).entry().byName()).isEqualTo("A Person");
    }

    @ParameterizedTest(name = "ticked {0} hours ago: counts = {1}")
    @CsvSource({"0, true", "23, true", "24, true", "25, false"})
    void aTickCountsForTheValidityPeriod(int hoursAgo, boolean counts) {
        entry(ChecklistItem.OBSERVATIONS_WITHIN_LIMITS, EntryKind.TICKED, Duration.ofHours(hoursAgo));
        ItemState state = state(ChecklistItem.OBSERVATIONS_WITHIN_LIMITS);
        assertThat(state.state()).isEqualTo(counts ? State.TICKED : State.OPEN);
        assertThat(state.expired() != null).isEqualTo(!counts);
    }

    @Test
    void aWithdrawalCancelsTheTickBeforeIt() {
        entry(ChecklistItem.NO_UNCONTROLLED_INFECTION, EntryKind.TICKED, Duration.ofHours(3));
        entry(ChecklistItem.NO_UNCONTROLLED_INFECTION, EntryKind.WITHDRAWN, Duration.ofHours(1));
        assertThat(state(ChecklistItem.NO_UNCONTROLLED_INFECTION).state()).isEqualTo(State.OPEN);
        assertThat(state(ChecklistItem.NO_UNCONTROLLED_INFECTION).mayTick()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}: tick {2}, override {3}")
    @CsvSource({
            "TOCILIZUMAB_ON_SITE, MET, false, false",
            "TOCILIZUMAB_ON_SITE, NOT_MET, false, true",
            "TOCILIZUMAB_ON_SITE, UNDECIDED, true, true",
            "QA_RELEASE_ACCEPTED, NOT_MET, false, false",
            "PRODUCT_RECEIVED, NOT_MET, false, false",
            "LYMPHODEPLETION_IN_WINDOW, NOT_MET, false, false",
            "CONSENT_CURRENT, UNDECIDED, true, true",
            "CONSENT_CURRENT, MET, true, true"})
    void whoMayTickOrOverrideDependsOnTheFinding(String code, Status status, boolean tick, boolean override) {
        findings.put(code, new Finding(status, "evidence", !ChecklistItem.NEVER_OVERRIDDEN.contains(code)));
        ItemState state = state(code);
        assertThat(state.mayTick()).isEqualTo(tick);
        assertThat(state.mayOverride()).isEqualTo(override);
    }

    @Test
    void aWithdrawnConsentCanBeNeitherTickedNorOverridden() {
        findings.put(ChecklistItem.CONSENT_CURRENT, new Finding(Status.NOT_MET, "withdrawn", false));
        entry(ChecklistItem.CONSENT_CURRENT, EntryKind.TICKED, Duration.ofHours(2));
        ItemState state = state(ChecklistItem.CONSENT_CURRENT);
        assertThat(state.state()).as("a tick made before the withdrawal does not count").isEqualTo(State.OPEN);
        assertThat(state.mayTick()).isFalse();
        assertThat(state.mayOverride()).isFalse();
    }

    @Test
    void aTickDoesNotMeetAnAutomaticItemFoundNotMetButAnOverrideDoes() {
        findings.put(ChecklistItem.TOCILIZUMAB_ON_SITE, new Finding(Status.NOT_MET, "short by 1", true));
        entry(ChecklistItem.TOCILIZUMAB_ON_SITE, EntryKind.TICKED, Duration.ofHours(1));
        assertThat(state(ChecklistItem.TOCILIZUMAB_ON_SITE).state()).isEqualTo(State.OPEN);
        entry(ChecklistItem.TOCILIZUMAB_ON_SITE, EntryKind.OVERRIDDEN, Duration.ofMinutes(30));
        assertThat(state(ChecklistItem.TOCILIZUMAB_ON_SITE).state()).isEqualTo(State.OVERRIDDEN);
    }

    @Test
    void onlyOneItemMayBeOverriddenAtATime() {
        entry(ChecklistItem.OBSERVATIONS_WITHIN_LIMITS, EntryKind.OVERRIDDEN, Duration.ofHours(1));
        assertThat(state(ChecklistItem.OBSERVATIONS_WITHIN_LIMITS).state()).isEqualTo(State.OVERRIDDEN);
        assertThat(state(ChecklistItem.NO_UNCONTROLLED_INFECTION).mayOverride()).isFalse();
        assertThat(state(ChecklistItem.NO_UNCONTROLLED_INFECTION).mayTick()).isTrue();
    }

    @Test
    void anExpiredOverrideFreesTheOverrideForAnotherItem() {
        entry(ChecklistItem.OBSERVATIONS_WITHIN_LIMITS, EntryKind.OVERRIDDEN, Duration.ofHours(30));
        assertThat(state(ChecklistItem.OBSERVATIONS_WITHIN_LIMITS).state()).isEqualTo(State.OPEN);
        assertThat(state(ChecklistItem.NO_UNCONTROLLED_INFECTION).mayOverride()).isTrue();
    }
}
