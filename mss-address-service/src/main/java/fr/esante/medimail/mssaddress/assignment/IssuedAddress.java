package fr.esante.medimail.mssaddress.assignment;

import java.util.UUID;

import fr.esante.medimail.mssaddress.derivation.MssAddress;

/**
 * An address held by an account, for good. {@code nameKey} is the local part without homonym suffix that
 * the holder shares with their homonyms, {@code homonymRank} the holder's place among them (1 = no suffix).
 */
public record IssuedAddress(UUID accountId, MssAddress address, String nameKey, int homonymRank, MailboxType mailboxType) {

    IssuedAddress withMailboxType(MailboxType type) {
        return new IssuedAddress(accountId, address, nameKey, homonymRank, type);
    }
}
