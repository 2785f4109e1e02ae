package fr.esante.medimail.registration.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.organisation.OrganisationalMailbox.Status;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * Organisational (ORG) mailboxes as their owner and members see them. A validated account requests one for a
 * structure; identity-verification-service checks the structure (this service takes the identifier as typed: the
 * key rules have one owner), mss-address-service proposes the address, staff decide. The owner of a validated ORG
 * mailbox gives other validated accounts access to it and takes it away; once staff close it, nobody changes its members.
 */
@Service
public class OrganisationalMailboxes {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(OrganisationalMailboxes.class);

    public record NewRequest(String label, String structureIdentifierType, String structureIdentifier, String purpose) {
    }

    private final OrganisationalMailboxStore store;
    private final Accounts accounts;
    private final OrganisationalMailboxEvents events;
    private final Clock clock;

    public OrganisationalMailboxes(OrganisationalMailboxStore store, Accounts accounts, OrganisationalMailboxEvents events,
                                   Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** @throws Refusal ACCOUNT_NOT_VALIDATED (403) for an account that is not validated */
    @Transactional
    public OrganisationalMailbox request(UUID accountId, NewRequest request) {
        Account owner = validatedAccount(accountId, TEXTS.text("organisation.request.account-not-validated"));
        Instant now = clock.instant();
        OrganisationalMailbox created = new OrganisationalMailbox(UUID.randomUUID(), accountId, request.label(),
                request.structureIdentifierType(), request.structureIdentifier(), request.purpose(),
                Status.VALIDATION_PENDING, null, null, List.of(), now);
        store.add(created);
        events.requested(created, owner, now);
        log.info("Account {} requested ORG mailbox {}", accountId, created.requestId());
        return created;
    }

    @Transactional(readOnly = true)
    public List<OrganisationalMailbox> of(UUID accountId) {
        return store.ownedOrSharedWith(accountId);
    }

    /**
     * @throws Refusal ORG_MAILBOX_NOT_FOUND (404) unknown or unrelated to the caller, NOT_ORG_MAILBOX_OWNER (403) a
     *                 member who is not the owner, ORG_MAILBOX_NOT_VALIDATED (409), MEMBER_NOT_FOUND (422, field email)
     *                 no validated account with this e-mail, ALREADY_MEMBER (409)
     */
    @Transactional
    public OrganisationalMailbox addMember(UUID callerId, UUID requestId, String memberEmail) {
        Account owner = validatedAccount(callerId, TEXTS.text("organisation.members.account-not-validated"));
        OrganisationalMailbox mailbox = ownedBy(callerId, requestId, "organisation.not-org-mailbox-owner");
        refuseIfClosed(mailbox);
        if (mailbox.status() != Status.VALIDATED) {
            throw Refusal.conflict("ORG_MAILBOX_NOT_VALIDATED",
                    TEXTS.text("organisation.org-mailbox-not-validated"));
        }
        Account member = accounts.findByEmail(EmailAddresses.normalise(memberEmail))
                .filter(a -> a.status() == AccountStatus.VALIDATED)
                .orElseThrow(() -> new Refusal(Refusal.Kind.UNPROCESSABLE, "MEMBER_NOT_FOUND",
                        TEXTS.text("organisation.member-not-found"), "email"));
        if (member.id().equals(callerId) || !store.addMember(requestId, member.id(), member.email())) {
            throw Refusal.conflict("ALREADY_MEMBER", TEXTS.text("organisation.already-member"));
        }
        events.memberAdded(mailbox, owner, member, clock.instant());
        log.info("Account {} gave account {} access to ORG mailbox {}", callerId, member.id(), requestId);
        return store.lock(requestId).orElseThrow();
    }

    /**
     * The owner takes a member's access away; {@code memberEmail} is the e-mail the mailbox lists.
     *
     * @throws Refusal ORG_MAILBOX_NOT_FOUND (404) unknown or unrelated to the caller, NOT_ORG_MAILBOX_OWNER (403) a
     *                 member who is not the owner, ORG_MAILBOX_CLOSED (409), NOT_A_MEMBER (404) no member with this e-mail
     */
    @Transactional
    public OrganisationalMailbox removeMember(UUID callerId, UUID requestId, String memberEmail) {
        Account owner = validatedAccount(callerId, TEXTS.text("organisation.members.account-not-validated"));
        OrganisationalMailbox mailbox = ownedBy(callerId, requestId, "organisation.remove-member.not-owner");
        refuseIfClosed(mailbox);
        String email = EmailAddresses.normalise(memberEmail);
        UUID member = store.memberByEmail(requestId, email).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "NOT_A_MEMBER", TEXTS.text("organisation.remove-member.not-a-member"), null));
        store.removeMember(requestId, member);
        events.memberRemoved(mailbox, owner, member, email, clock.instant());
        log.info("Account {} took account {}'s access to ORG mailbox {} away", callerId, member, requestId);
        return store.lock(requestId).orElseThrow();
    }

    /** Staff closed the mailbox (a redelivered event changes nothing). */
    @Transactional
    public void closed(UUID requestId) {
        store.lock(requestId).filter(m -> m.status() == Status.VALIDATED).ifPresent(m -> {
            store.close(requestId);
            log.info("ORG mailbox {} closed by staff", requestId);
        });
    }

    private OrganisationalMailbox ownedBy(UUID callerId, UUID requestId, String notOwnerText) {
        OrganisationalMailbox mailbox = store.lock(requestId)
                .filter(m -> m.ownerAccountId().equals(callerId) || store.isMember(requestId, callerId))
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "ORG_MAILBOX_NOT_FOUND",
                        TEXTS.text("organisation.org-mailbox-not-found"), null));
        if (!mailbox.ownerAccountId().equals(callerId)) {
            throw Refusal.forbidden("NOT_ORG_MAILBOX_OWNER", TEXTS.text(notOwnerText));
        }
        return mailbox;
    }

    private void refuseIfClosed(OrganisationalMailbox mailbox) {
        if (mailbox.status() == Status.CLOSED) {
            throw Refusal.conflict("ORG_MAILBOX_CLOSED", TEXTS.text("organisation.org-mailbox-closed"));
        }
    }

    /** The structure check refused the request: {@code frenchReason} is what the requester reads. */
    @Transactional
    public void structureRefused(UUID requestId, String frenchReason) {
        store.lock(requestId).filter(m -> m.status() == Status.VALIDATION_PENDING)
                .ifPresent(m -> store.reject(requestId, frenchReason));
    }

    @Transactional
    public void addressProposed(UUID requestId, String address) {
        store.lock(requestId).filter(m -> m.status() == Status.VALIDATION_PENDING)
                .ifPresent(m -> store.proposeAddress(requestId, address));
    }

    @Transactional
    public void decided(UUID requestId, boolean approved, String address, String frenchReason) {
        store.lock(requestId).filter(m -> m.status() == Status.VALIDATION_PENDING).ifPresent(m -> {
            if (approved) {
                store.validate(requestId, address);
            } else {
                store.reject(requestId, frenchReason);
            }
        });
    }

    private Account validatedAccount(UUID accountId, String message) {
        Account account = accounts.findById(accountId).orElseThrow(() ->
                Refusal.unauthenticated("ACCESS_TOKEN_INVALID", TEXTS.text("organisation.access-token-invalid")));
        if (account.status() != AccountStatus.VALIDATED) {
            throw Refusal.forbidden("ACCOUNT_NOT_VALIDATED", message);
        }
        return account;
    }
}
