package fr.esante.medimail.identity.identifiers.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.identity.identifiers.IdentifierCheck;
import fr.esante.medimail.identity.identifiers.IdentifierRules;
import fr.esante.medimail.identity.identifiers.IdentifierType;
import fr.esante.medimail.identity.identifiers.SyntaxProblem;
import fr.esante.medimail.identity.IdentityVerificationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * {@code POST /api/v1/identifier-checks}: syntax and key only, in memory, for instant feedback in forms.
 * Every answer is 200 with a code, including for an unknown type ({@code UNKNOWN_TYPE}): the form asks
 * "is this well-formed?", and "no, because…" is an answer, not a client error. A body that is not JSON, has an
 * unknown field or a text with a control character gets a 400 problem (platform-support). The typed value is echoed
 * only while it could be an identifier ({@value #MAX_ECHOED} characters at most): a huge value is answered
 * {@code WRONG_LENGTH} without being sent back.
 */
@RestController
public class IdentifierCheckController {

    private static final UserTexts TEXTS = UserTexts.of(IdentityVerificationApplication.NAME);

    static final int MAX_ECHOED = 64;

    /** {@code normalizedValue} and {@code message} come on top of the public contract's four fields. */
    public record CheckRequest(String type, String value) {
    }

    public record CheckResponse(String type, String value, boolean wellFormed, String code, String normalizedValue,
                                String message) {
    }

    @PostMapping("/api/v1/identifier-checks")
    public CheckResponse check(@RequestBody CheckRequest request) {
        IdentifierCheck check = IdentifierRules.check(request.type(), request.value());
        String type = check.type() != null ? check.type().name() : echoed(request.type());
        return new CheckResponse(type, echoed(request.value()), check.isWellFormed(), check.code(), check.normalised(),
                check.isWellFormed() ? null : message(check.type(), check.problem()));
    }

    private static String echoed(String typed) {
        return typed == null || typed.length() > MAX_ECHOED ? null : typed;
    }

    /** French, for the person typing. */
    static String message(IdentifierType type, SyntaxProblem problem) {
        if (problem == SyntaxProblem.UNKNOWN_TYPE) {
            return TEXTS.text("identifier.unknown-type");
        }
        return switch (problem) {
            case WRONG_LENGTH -> switch (type) {
                case RPPS -> TEXTS.text("identifier.wrong-length.rpps");
                case ADELI -> TEXTS.text("identifier.wrong-length.adeli");
                case FINESS -> TEXTS.text("identifier.wrong-length.finess");
                case SIREN -> TEXTS.text("identifier.wrong-length.siren");
                case SIRET -> TEXTS.text("identifier.wrong-length.siret");
            };
            case NOT_DIGITS -> type == IdentifierType.FINESS
                    ? TEXTS.text("identifier.not-digits.finess")
                    : TEXTS.text("identifier.not-digits", type.name());
            case INVALID_CHECK_DIGIT -> TEXTS.text("identifier.invalid-check-digit", type.name());
            case INVALID_DEPARTMENT -> TEXTS.text("identifier.invalid-department");
            case UNKNOWN_TYPE -> TEXTS.text("identifier.unknown-type.short");
        };
    }
}
