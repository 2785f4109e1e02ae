package fr.esante.medimail.identity.decision.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.identity.decision.DecisionLog;
import fr.esante.medimail.support.web.ApiProblem;

/**
 * Internal, for operators' tools and audits (HTTP Basic, role OPERATOR): the decisions about an account with
 * their evidence. {@code accountId} is parsed here, so that a missing or malformed one is a French 400 problem.
 */
@RestController
public class IdentityDecisionController {

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
            throw ApiProblem.invalidField("accountId", "REQUIRED", "Indiquez l'identifiant du compte (accountId).");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("accountId", "INVALID_FORMAT",
                    "L'identifiant du compte (accountId) doit être un UUID, par exemple 3f2b6c1e-8d4a-4b7e-9c0d-1a2b3c4d5e6f.");
        }
    }
}
