package fr.esante.medimail.registration.profile;

import java.util.Optional;

import fr.esante.medimail.registration.account.FieldProblem;
import fr.esante.medimail.registration.account.PostalAddress;

/**
 * The rules on phones and practice address. registration-service owns the contact details, so this is the one place
 * that says what they may be: the holder's forms validate with these constants, and staff corrections from the back
 * office (which no longer carries a copy) are checked with {@link #problemWith}.
 */
public final class ContactDetailsRules {

    public static final int MAX_PHONE_LENGTH = 25;
    public static final String PHONE = PhoneNumbers.FRENCH;
    public static final int MAX_LINE_LENGTH = 200;
    public static final String POSTAL_CODE = "[0-9]{5}";
    public static final int MAX_CITY_LENGTH = 100;
    public static final String REGION = "[0-9]{2}";
    public static final String DEPARTMENT = "[0-9]{2,3}|2[AB]";

    /** The first field a change breaks, and why. */
    public record Breach(Field field, FieldProblem problem) {
    }

    /** The fields of contact details, as stable codes. */
    public enum Field {
        PHONE, SECOND_PHONE, ADDRESS_LINE, POSTAL_CODE, CITY, REGION, DEPARTMENT
    }

    private ContactDetailsRules() {
    }

    /** Checks the fields a patch sets (null fields stay as they are, so are not checked). */
    public static Optional<Breach> problemWith(String phone, String secondPhone, PostalAddress address) {
        return phone(Field.PHONE, phone)
                .or(() -> phone(Field.SECOND_PHONE, secondPhone))
                .or(() -> address == null ? Optional.empty() : address(address));
    }

    private static Optional<Breach> phone(Field field, String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        if (phone.length() > MAX_PHONE_LENGTH) {
            return breach(field, FieldProblem.TOO_LONG);
        }
        return phone.matches(PHONE) ? Optional.empty() : breach(field, FieldProblem.FORMAT);
    }

    private static Optional<Breach> address(PostalAddress address) {
        return required(Field.ADDRESS_LINE, address.line(), MAX_LINE_LENGTH, null)
                .or(() -> required(Field.POSTAL_CODE, address.postalCode(), Integer.MAX_VALUE, POSTAL_CODE))
                .or(() -> required(Field.CITY, address.city(), MAX_CITY_LENGTH, null))
                .or(() -> required(Field.REGION, address.region(), Integer.MAX_VALUE, REGION))
                .or(() -> address.region().matches(REGION) && !InseeRegions.exists(address.region())
                        ? breach(Field.REGION, FieldProblem.UNKNOWN) : Optional.empty())
                .or(() -> address.department() == null || address.department().matches(DEPARTMENT) ? Optional.empty()
                        : breach(Field.DEPARTMENT, FieldProblem.FORMAT));
    }

    private static Optional<Breach> required(Field field, String value, int maxLength, String pattern) {
        if (value == null || value.isBlank()) {
            return breach(field, FieldProblem.REQUIRED);
        }
        if (value.length() > maxLength) {
            return breach(field, FieldProblem.TOO_LONG);
        }
        return pattern == null || value.matches(pattern) ? Optional.empty() : breach(field, FieldProblem.FORMAT);
    }

    private static Optional<Breach> breach(Field field, FieldProblem problem) {
        return Optional.of(new Breach(field, problem));
    }
}
