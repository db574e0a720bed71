package org.cartpath.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertAcknowledgementsTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankNoteIsNoNote(String note) {
        assertThat(AlertAcknowledgements.note(note)).isNull();
    }

    @Test
    void aNoteIsTrimmedAndMayHoldExactlyTheMaximum() {
        assertThat(AlertAcknowledgements.note("  seen  ")).isEqualTo("seen");
        assertThat(AlertAcknowledgements.note("x".repeat(AlertAcknowledgements.MAX_NOTE))).hasSize(1000);
    }

    @Test
    void oneCharacterOverTheMaximumIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AlertAcknowledgements.note("x".repeat(1001))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("at most 1000 characters");
    }

    @Test
    void aSecondAcknowledgementIsAConflictNamingWhoAndWhen() {
        ProblemException conflict = AlertAcknowledgements.alreadyAcknowledged("Dr Amara Okafor",
                Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.type()).isEqualTo("alert-already-acknowledged");
        assertThat(conflict.getMessage()).contains("Dr Amara Okafor").contains("2026-12-07T09:00:00Z");
    }
}
