package fr.esante.medimail.identity.identifiers;

/** The Luhn (mod 10) key used by RPPS, ADELI, SIREN, SIRET and all-digit FINESS numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** {@code digits} must hold ASCII digits only; the last one is the key. */
    public static boolean isValid(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The key to append to {@code digitsWithoutKey} so that the whole passes {@link #isValid}. */
    public static char keyFor(CharSequence digitsWithoutKey) {
        for (char key = '0'; key <= '9'; key++) {
            if (isValid(digitsWithoutKey.toString() + key)) {
                return key;
            }
        }
        throw new IllegalStateException("unreachable: one of ten keys always completes a Luhn sum");
    }
}
