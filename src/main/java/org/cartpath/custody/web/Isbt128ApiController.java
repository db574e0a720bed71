package org.cartpath.custody.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.isbt128.KeyboardCheckCharacter;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.TextLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ISBT 128 identifiers over REST, for any signed-in actor or system client: the keyboard check character,
 * and validation of a scanned or keyed COI or DIN. Input is taken exactly as sent: nothing is trimmed and
 * lower case is refused, because ISBT 128 data characters are upper case and an identifier "corrected" by
 * the server would no longer be the one on the label.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Chain of identity", description = "ISBT 128 keyboard check characters; COI and DIN validation")
class Isbt128ApiController {

    record CheckCharacterAnswer(String data, String checkCharacter) {
    }

    record ValidationRequest(
            @Size(max = TextLimits.SCAN) String identifier,
            @Size(max = TextLimits.SHORT) String checkCharacter) {
    }

    /** The answer to a validation, 200 whether or not the identifier is valid: the errors are the answer. */
    record ValidationAnswer(boolean valid, List<String> errors) {
    }

    @GetMapping("/isbt128/check-character")
    @Operation(summary = "The keyboard check character (ISO/IEC 7064 MOD 37-2) over data of 0-9, A-Z and *",
            description = "Lower case is refused, not upper-cased. 400 (field 'data') for missing or empty data "
                    + "or any other character.")
    CheckCharacterAnswer checkCharacter(Actor actor,
            @Parameter(description = "the data characters, e.g. the 13 of a DIN or the 15 of a COI without '&/'")
            @RequestParam(required = false) String data) {
        if (data == null || data.isEmpty()) {
            throw ProblemException.invalid("data", "is required");
        }
        List<String> problems = KeyboardCheckCharacter.problemsIn(data);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.stream().map(p -> new FieldProblem("data", p)).toList());
        }
        return new CheckCharacterAnswer(data, String.valueOf(KeyboardCheckCharacter.of(data)));
    }

    @PostMapping("/chain-of-identity/validate")
    @Operation(summary = "Validate a scanned COI ('&/' and 15 characters, ISBT 128 data structure 040)",
            description = "Lists every error. With 'checkCharacter', also compares the keyed check character. "
                    + "400 only when 'identifier' is missing or blank.")
    ValidationAnswer validateChainOfIdentity(Actor actor, @RequestBody(required = false) ValidationRequest body) {
        return validate(body, ChainOfIdentityId::problemsIn, scanned -> ChainOfIdentityId.parse(scanned).checkCharacter());
    }

    @PostMapping("/din/validate")
    @Operation(summary = "Validate a DIN: 13 characters keyed, or bar-code data '=', 13 characters and flags",
            description = "Flags 00 and 60-96 (check value + 60, verified) are supported. Lists every error. "
                    + "With 'checkCharacter', also compares the keyed check character.")
    ValidationAnswer validateDin(Actor actor, @RequestBody(required = false) ValidationRequest body) {
        return validate(body, Din::problemsIn, scanned -> Din.parse(scanned).checkCharacter());
    }

    private static ValidationAnswer validate(ValidationRequest body, Function<String, List<String>> problemsIn,
            Function<String, Character> checkCharacterOf) {
        if (body == null || body.identifier() == null || body.identifier().isBlank()) {
            throw ProblemException.invalid("identifier", "is required");
        }
        List<String> errors = new ArrayList<>(problemsIn.apply(body.identifier()));
        Character expected = errors.isEmpty() ? checkCharacterOf.apply(body.identifier()) : null;
        errors.addAll(KeyboardCheckCharacter.problemsWithKeyed(body.checkCharacter(), expected));
        return new ValidationAnswer(errors.isEmpty(), errors);
    }
}
