package fr.esante.medimail.backoffice.account.web;

/**
 * French phone numbers as registration-service accepts them from the holder ({@code 05 61 00 00 00},
 * {@code +33 5 61 00 00 00}…), so that staff cannot write what the holder could not.
 */
final class FrenchPhoneNumbers {

    /** Ten digits starting with 0 (or the international prefix instead of the 0), in pairs optionally separated. */
    static final String FRENCH = "(?:(?:\\+|00)33[ .-]?(?:\\(0\\)[ .-]?)?|0)[1-9](?:[ .-]?[0-9]{2}){4}";

    private FrenchPhoneNumbers() {
    }

    /** The national ten-digit form ({@code 0561000000}) of a number matching {@link #FRENCH}; null stays null. */
    static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\(0\\)", "").replaceAll("[^0-9+]", "");
        if (digits.startsWith("+33")) {
            return "0" + digits.substring(3);
        }
        if (digits.startsWith("0033")) {
            return "0" + digits.substring(4);
        }
        return digits;
    }
}
