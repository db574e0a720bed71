package org.cartpath.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashCostTest {

    @Test
    void passwordsAreHashedWithBcryptAtCostTenUnlessConfigured() {
        String hash = SecurityConfiguration.passwordEncoderOfCost(SecurityConfiguration.DEFAULT_PASSWORD_HASH_COST)
                .encode("correct-horse-battery");

        assertThat(hash).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void aHashMadeAtOneCostStillVerifiesAtAnotherSoLoweringTheCostInTestsLocksNobodyOut() {
        PasswordEncoder cheap = SecurityConfiguration.passwordEncoderOfCost(4);
        PasswordEncoder production = SecurityConfiguration.passwordEncoderOfCost(10);
        String madeInProduction = production.encode("correct-horse-battery");

        assertThat(cheap.encode("x")).startsWith("{bcrypt}$2a$04$");
        assertThat(cheap.matches("correct-horse-battery", madeInProduction)).isTrue();
        assertThat(cheap.matches("wrong-horse-battery", madeInProduction)).isFalse();
    }

    @Test
    void aCostOutsideWhatBcryptAcceptsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> SecurityConfiguration.passwordEncoderOfCost(3))
                .hasMessageContaining("password-hash-cost must be 4 to 31");
        assertThatThrownBy(() -> SecurityConfiguration.passwordEncoderOfCost(32))
                .hasMessageContaining("password-hash-cost must be 4 to 31");
    }
}
