package fr.esante.medimail.backoffice.orgreview;

/**
 * The ORG entries of the directory feed ({@code medimail.directory-entries.v1}, keyed by address), inside the
 * transaction of the decision: the entry of an approved mailbox, a tombstone for a closed one. Kept apart from the
 * feed of personal mailboxes (package directory), which follows accounts, not requests.
 */
public interface OrgDirectory {

    void publish(OrgReview approved);

    void withdraw(String mssAddress);
}
