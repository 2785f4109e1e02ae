package fr.esante.medimail.support.security;

import org.springframework.security.authentication.AuthenticationServiceException;

import fr.esante.medimail.support.passwords.PasswordHashing;
import fr.esante.medimail.support.passwords.PasswordHashingBusyException;
import fr.esante.medimail.support.passwords.PasswordHashingSettings;

/**
 * {@link PasswordHashing} for Spring Security logins (staff, operators): a full hashing queue becomes an
 * authentication failure that {@link SecurityProblemResponses} answers with 503 and {@code Retry-After},
 * instead of an error escaping the filter chain as a 500.
 */
public class LoginPasswordHashing extends PasswordHashing {

    public LoginPasswordHashing(PasswordHashingSettings settings) {
        super(settings);
    }

    @Override
    protected RuntimeException busy(PasswordHashingBusyException refusal) {
        return new AuthenticationServiceException(refusal.getMessage(), refusal);
    }
}
