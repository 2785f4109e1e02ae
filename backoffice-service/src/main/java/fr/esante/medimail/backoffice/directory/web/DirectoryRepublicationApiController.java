package fr.esante.medimail.backoffice.directory.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.backoffice.directory.DirectoryBackfill;

/**
 * The directory backfill, for operators (HTTP Basic, role OPERATOR or ADMIN): republishes the current entry of every
 * listed mailbox, and a tombstone for every entry that must no longer show, to {@code medimail.directory-entries.v1}.
 * Answers once all is in the outbox: {@code {"published": n, "withdrawn": m}}.
 */
@RestController
class DirectoryRepublicationApiController {

    private final DirectoryBackfill backfill;

    DirectoryRepublicationApiController(DirectoryBackfill backfill) {
        this.backfill = backfill;
    }

    @PostMapping("/api/v1/directory-entries/republication")
    DirectoryBackfill.Republication republish(Principal staff) {
        return backfill.republishAll(staff.getName());
    }
}
