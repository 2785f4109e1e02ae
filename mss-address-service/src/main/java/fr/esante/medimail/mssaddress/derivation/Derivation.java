package fr.esante.medimail.mssaddress.derivation;

/** What a person's name and profession give: an address for each homonym rank, or a refusal. */
public sealed interface Derivation {

    /** Both names are representable and the profession has a domain. */
    record Derived(AddressName name, String domain) implements Derivation {

        public MssAddress address(int homonymRank) {
            return new MssAddress(name.localPart(homonymRank), domain);
        }

        /** The address the person gets when nobody holds it yet. */
        public MssAddress firstChoice() {
            return address(1);
        }
    }

    /**
     * No address can be derived. {@code field} names the input at fault ({@code firstName}, {@code lastName},
     * {@code profession}); {@code detail} is a French sentence for the person or the agent who reads it.
     */
    record Refused(RefusalReason reason, String field, String detail) implements Derivation {
    }
}
