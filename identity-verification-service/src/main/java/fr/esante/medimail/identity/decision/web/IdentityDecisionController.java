package fr.esante.medimail.identity.decision.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.support.web.ApiProblem;
import fr.esante.medimail.identity.IdentityVerificationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Internal, for operators' tools and audits (HTTP Basic, role OPERATOR): the decisions about an account with
 * their evidence. {@code accountId} is parsed here, so that a missing or malformed one is a French 400 problem.
 */
@RestController
public class IdentityDecisionController {

    private static final UserTexts TEXTS = UserTexts.of(IdentityVerificationApplication.NAME);

    private final DecisionLog decisions;

    public IdentityDecisionController(DecisionLog decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/identity-decisions")
    public List<Map<String, Object>> forAccount(@RequestParam(required = false) String accountId) {
        return decisions.forAccount(accountId(accountId));
    }

    static UUID accountId(String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField("accountId", "REQUIRED", TEXTS.text("decision.account-id.required"));
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("accountId", "INVALID_FORMAT",
                    TEXTS.text("decision.account-id.invalid-format"));
        }
    }
}
