package fr.esante.medimail.registration.organisation.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.registration.account.AuthenticatedAccount;
import fr.esante.medimail.registration.organisation.OrganisationalMailbox;
import fr.esante.medimail.registration.organisation.OrganisationalMailboxes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/me/organisational-mailboxes} (202), {@code GET} the same path, and
 * {@code POST …/{id}/members}, {@code DELETE …/{id}/members/{email}}: organisational mailboxes of a validated account's full session (password, code,
 * current terms; {@link AuthenticatedAccount} sees to it).
 */
@RestController
class OrganisationalMailboxController {

    private static final String PATH = "/api/v1/me/organisational-mailboxes";

    private final OrganisationalMailboxes mailboxes;

    OrganisationalMailboxController(OrganisationalMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Requested request(AuthenticatedAccount caller, @Valid @RequestBody MailboxRequest request) {
        OrganisationalMailbox created = mailboxes.request(caller.accountId(), new OrganisationalMailboxes.NewRequest(
                request.label(), request.structureIdentifierType().name(), request.structureIdentifier(), request.purpose()));
        return new Requested(created.requestId(), created.status().name(), created.address());
    }

    @GetMapping(PATH)
    List<MailboxJson> list(AuthenticatedAccount caller) {
        return mailboxes.of(caller.accountId()).stream().map(m -> MailboxJson.of(m, caller.accountId())).toList();
    }

    @PostMapping(PATH + "/{requestId}/members")
    MailboxJson addMember(AuthenticatedAccount caller, @PathVariable UUID requestId, @Valid @RequestBody MemberRequest request) {
        return MailboxJson.of(mailboxes.addMember(caller.accountId(), requestId, request.email()), caller.accountId());
    }

    /** The member is named by the e-mail the mailbox lists (the GET answer's {@code members}), whatever its case. */
    @DeleteMapping(PATH + "/{requestId}/members/{email}")
    MailboxJson removeMember(AuthenticatedAccount caller, @PathVariable UUID requestId, @PathVariable String email) {
        return MailboxJson.of(mailboxes.removeMember(caller.accountId(), requestId, email), caller.accountId());
    }

    enum StructureIdentifierType { FINESS, SIRET }

    record MailboxRequest(
            @NotBlank(message = "{organisation.label.required}")
            @Size(max = 60, message = "{organisation.label.too-long}")
            @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} '’.\\-]+", message = "{organisation.label.format}")
            String label,

            @NotNull(message = "{organisation.structure-identifier-type.required}")
            StructureIdentifierType structureIdentifierType,

            @NotBlank(message = "{organisation.structure-identifier.required}")
            @Size(max = 20, message = "{organisation.structure-identifier.too-long}")
            String structureIdentifier,

            @NotBlank(message = "{organisation.purpose.required}")
            @Size(max = 500, message = "{organisation.purpose.too-long}")
            String purpose) {

        /** Trimmed; a blank text becomes null, so that it is reported once, as missing. */
        MailboxRequest {
            label = blankToNull(label);
            structureIdentifier = blankToNull(structureIdentifier);
            purpose = blankToNull(purpose);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    record MemberRequest(
            @NotBlank(message = "{organisation.email.required}")
            @Size(max = 254, message = "{organisation.email.too-long}")
            @Email(message = "{organisation.email.invalid}")
            String email) {
    }

    record Requested(UUID requestId, String status, String proposedAddress) {
    }

    /** One element of the GET answer; {@code owner} false for a mailbox the caller was given access to. */
    record MailboxJson(UUID requestId, String label, String structureIdentifierType, String structureIdentifier,
                       String status, String address, String rejectionReason, boolean owner, List<String> members) {

        static MailboxJson of(OrganisationalMailbox m, UUID caller) {
            return new MailboxJson(m.requestId(), m.label(), m.structureIdentifierType(), m.structureIdentifier(),
                    m.status().name(), m.address(), m.rejectionReason(), m.ownerAccountId().equals(caller), m.memberEmails());
        }
    }
}
