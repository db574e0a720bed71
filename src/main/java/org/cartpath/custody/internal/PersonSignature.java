package org.cartpath.custody.internal;

import java.util.List;
import java.util.UUID;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The electronic signature a custody event carries when a person records it (21 CFR 11.200: the password
 * again). A system client's record carries none: its API token is the organisation's, not a person's, and
 * ADR 0005 lets only people sign.
 */
@Component
public class PersonSignature {

    private final ElectronicSignatures signatures;

    PersonSignature(ElectronicSignatures signatures) {
        this.signatures = signatures;
    }

    public List<UUID> signIfPerson(Actor actor, String password, SignatureMeaning meaning, SignedRecord record) {
        if (!actor.isPerson()) {
            return List.of();
        }
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", "enter your password to sign this record");
        }
        var role = actor.roles().stream().sorted().findFirst()
                .orElseThrow(() -> ProblemException.forbidden("You hold no role to sign in"));
        return List.of(signatures.sign(actor, password, role, meaning, record, null).id());
    }
}
