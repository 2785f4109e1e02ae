package fr.esante.medimail.backoffice.staff.web;

import fr.esante.medimail.backoffice.staff.StaffProperties;
import fr.esante.medimail.support.security.ConfiguredAccounts;

/** The back-office staff accounts of the configuration ({@link StaffProperties}), checked at startup. */
public class StaffDirectory extends ConfiguredAccounts {

    public StaffDirectory(StaffProperties properties) {
        super("medimail.backoffice.staff", "back-office staff", properties.staff().stream()
                .map(member -> new Account(member.username(), member.passwordHash(), member.roles()))
                .toList());
    }

}
