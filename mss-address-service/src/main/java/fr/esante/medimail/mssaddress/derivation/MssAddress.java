package fr.esante.medimail.mssaddress.derivation;

/** An MSSanté address, {@code localPart@domain}. */
public record MssAddress(String localPart, String domain) {

    public String address() {
        return localPart + "@" + domain;
    }

    @Override
    public String toString() {
        return address();
    }
}
