package org.cartpath.custody.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.cartpath.shared.ProblemException;

/**
 * Given the events an item already has, when a command is decided, then expect the next event or a refusal:
 * the given/when/then style of AxonIQ's aggregate test fixtures, for {@link Custody}, in plain Java.
 */
final class CustodyFixture {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final ItemKind kind;
    private final List<CustodyEvent> history = new ArrayList<>();
    private CustodyCommand command;

    private CustodyFixture(ItemKind kind) {
        this.kind = kind;
    }

    static CustodyFixture a(ItemKind kind) {
        return new CustodyFixture(kind);
    }

    /** Events already in the log; their versions are numbered here, 1, 2, 3… */
    CustodyFixture given(CustodyCommand... past) {
        for (CustodyCommand event : past) {
            history.add(event.toEvent(history.size() + 1));
        }
        return this;
    }

    CustodyFixture when(CustodyCommand next) {
        this.command = next;
        return this;
    }

    private Custody state() {
        return Custody.replay(UUID.randomUUID(), kind, history);
    }

    /** The decided event is {@code expected} with the next version, and the state after it satisfies {@code then}. */
    void expectEvent(CustodyCommand expected, Consumer<Custody> then) {
        Custody before = state();
        CustodyEvent event = before.decide(command, NOW);
        assertThat(event).isEqualTo(expected.toEvent(history.size() + 1));
        then.accept(before.apply(event));
    }

    void expectRefusal(String problemType, String detailContains) {
        assertThatThrownBy(() -> state().decide(command, NOW)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(problemType);
            assertThat(e.detail()).contains(detailContains);
        });
    }
}
