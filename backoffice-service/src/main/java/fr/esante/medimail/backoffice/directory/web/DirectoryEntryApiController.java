package fr.esante.medimail.backoffice.directory.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.backoffice.directory.DirectoryFeed;
import fr.esante.medimail.support.web.PathIds;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;

/**
 * The directory entry an account must have now, worked out from what the back office knows (the platform's own view,
 * which the feed {@code medimail.directory-entries.v1} follows); 404 when the account has none (not validated, hidden,
 * closed).
 */
@RestController
class DirectoryEntryApiController {

    private final DirectoryFeed feed;

    DirectoryEntryApiController(DirectoryFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/accounts/{accountId}/directory-entry")
    ResponseEntity<Object> entry(@PathVariable String accountId) {
        return PathIds.uuid(accountId).flatMap(feed::currentEntry)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(DirectoryEntryApiController::notListed);
    }

    private static ResponseEntity<Object> notListed() {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "DIRECTORY_ENTRY_NOT_FOUND", "Pas d'entrée dans l'annuaire",
                "Ce compte n'a pas d'entrée dans l'annuaire : inconnu, pas encore validé, masqué par son titulaire ou clôturé.",
                List.of());
    }

}
