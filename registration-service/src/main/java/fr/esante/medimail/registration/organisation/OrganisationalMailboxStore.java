package fr.esante.medimail.registration.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where ORG requests and their members are kept. */
public interface OrganisationalMailboxStore {

    void add(OrganisationalMailbox request);

    List<OrganisationalMailbox> ownedOrSharedWith(UUID accountId);

    Optional<OrganisationalMailbox> lock(UUID requestId);

    void proposeAddress(UUID requestId, String address);

    void validate(UUID requestId, String address);

    void reject(UUID requestId, String reason);

    /** False when the account already is a member. */
    boolean addMember(UUID requestId, UUID memberAccountId, String memberEmail);

    boolean isMember(UUID requestId, UUID accountId);

    /** The member's account, when {@code memberEmail} (normalised) is a member of the mailbox. */
    Optional<UUID> memberByEmail(UUID requestId, String memberEmail);

    /** False when the account was not a member. */
    boolean removeMember(UUID requestId, UUID memberAccountId);

    void close(UUID requestId);
}
