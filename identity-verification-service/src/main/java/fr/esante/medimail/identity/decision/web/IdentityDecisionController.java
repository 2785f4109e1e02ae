package fr.esante.medimail.identity.decision.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.identity.decision.DecisionLog;

/** Internal, for staff tools and audits: the decisions about an account with their evidence. */
@RestController
public class IdentityDecisionController {

    private final DecisionLog decisions;

    public IdentityDecisionController(DecisionLog decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/v1/identity-decisions")
    public List<Map<String, Object>> forAccount(@RequestParam UUID accountId) {
        return decisions.forAccount(accountId);
    }
}
