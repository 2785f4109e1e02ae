package fr.esante.medimail.identity.operators;

import fr.esante.medimail.support.security.ConfiguredAccounts;

/**
 * The directory operator accounts of the configuration ({@link OperatorProperties}), checked at startup. With
 * none, the service runs but nobody can call /api/v1/identity-decisions nor /api/v1/directory-imports.
 */
public class OperatorAccounts extends ConfiguredAccounts {

    public OperatorAccounts(OperatorProperties properties) {
        super("medimail.identity.operators", "operator", properties.operators().stream()
                .map(member -> new Account(member.username(), member.passwordHash(), member.roles()))
                .toList());
    }
}
