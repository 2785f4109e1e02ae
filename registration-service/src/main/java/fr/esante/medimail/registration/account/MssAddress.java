package fr.esante.medimail.registration.account;

import java.util.Objects;

/** The MSSanté address reserved for the holder, and its mailbox type (PER or INT). */
public record MssAddress(String address, String mailboxType) {

    public MssAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mailboxType, "mailboxType");
    }
}
