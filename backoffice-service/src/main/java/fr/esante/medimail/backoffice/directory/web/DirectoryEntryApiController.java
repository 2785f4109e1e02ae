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
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The directory entry an account must have now, worked out from what the back office knows (the platform's own view,
 * which the feed {@code medimail.directory-entries.v1} follows); 404 when the account has none (not validated, hidden,
 * closed).
 */
@RestController
class DirectoryEntryApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

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
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "DIRECTORY_ENTRY_NOT_FOUND", TEXTS.text("directory.directory-entry-not-found.title"),
                TEXTS.text("directory.directory-entry-not-found"),
                List.of());
    }

}
