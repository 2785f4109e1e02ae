package fr.esante.medimail.backoffice.orgreview.web;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.backoffice.orgreview.OrgReview;
import fr.esante.medimail.backoffice.orgreview.OrgReviewAlreadyDecided;
import fr.esante.medimail.backoffice.orgreview.OrgReviewDesk;
import fr.esante.medimail.support.web.PathIds;
import fr.esante.medimail.support.web.ProblemDetailsAdvice;
import fr.esante.medimail.backoffice.BackofficeApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Organisational mailboxes after their review ({@code id} = the ORG review id of the queue): their directory entry as
 * the platform sees it (404 unless approved and open), and their closure (ADMIN), which withdraws the entry.
 */
@RestController
class OrgMailboxApiController {

    private static final UserTexts TEXTS = UserTexts.of(BackofficeApplication.NAME);

    private final OrgReviewDesk desk;

    OrgMailboxApiController(OrgReviewDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/v1/organisational-mailboxes/{id}/directory-entry")
    ResponseEntity<Object> entry(@PathVariable String id) {
        return PathIds.uuid(id).flatMap(desk::find).filter(r -> "APPROVED".equals(r.status()))
                .<ResponseEntity<Object>>map(r -> ResponseEntity.ok(OrgEntryJson.of(r)))
                .orElseGet(() -> ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "DIRECTORY_ENTRY_NOT_FOUND",
                        TEXTS.text("orgreview.directory-entry-not-found.title"), TEXTS.text("orgreview.directory-entry-not-found"), List.of()));
    }

    @PostMapping("/api/v1/organisational-mailboxes/{id}/closure")
    ResponseEntity<Object> close(@PathVariable String id, Principal staff) {
        UUID reviewId = PathIds.uuid(id).orElse(null);
        return (reviewId == null ? java.util.Optional.<OrgReview>empty() : desk.close(reviewId, staff.getName()))
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "ORG_MAILBOX_NOT_FOUND",
                        TEXTS.text("orgreview.org-mailbox-not-found.title"), TEXTS.text("orgreview.org-mailbox-not-found"), List.of()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(OrgReviewAlreadyDecided.class)
    ResponseEntity<Object> notOpen(OrgReviewAlreadyDecided e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "ORG_MAILBOX_NOT_OPEN", TEXTS.text("orgreview.org-mailbox-not-open.title"),
                TEXTS.text("orgreview.org-mailbox-not-open"), List.of());
    }

    /** The entry the feed carries for an approved ORG mailbox (the platform's own view, to compare with the feed). */
    record OrgEntryJson(String mssAddress, String mailboxType, UUID accountId, String identifierType, String identifier,
                        String structureIdentifier, String organisationName, String serviceName, java.time.Instant validatedAt) {

        static OrgEntryJson of(OrgReview r) {
            return new OrgEntryJson(r.mssAddress(), OrgReview.KIND, r.requesterAccountId(), r.structureIdentifierType(),
                    r.structureIdentifier(), r.structureIdentifier(), r.structureName(), r.label(), r.decidedAt());
        }
    }
}
