package fr.esante.medimail.backoffice.applicant;

import java.time.Instant;
import java.util.Objects;

/** The MSSante address reserved for the applicant, and its mailbox type (PER or INT). */
public record AssignedAddress(String address, String mailboxType, Instant assignedAt) {

    public AssignedAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }
}
