package fr.esante.medimail.registration.confirmation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.mailing.MailAllowance;
import fr.esante.medimail.registration.mailing.MailKind;

/**
 * POST /api/v1/email-confirmations/resend: a new confirmation link for an account still waiting for it, within
 * the address's mail allowance; the previous link stops working. Whatever the address, the caller learns
 * nothing (same answer): an unknown or already confirmed address, or a used-up allowance, simply sends nothing.
 */
@Service
public class ConfirmationResend {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationResend.class);

    private final Accounts accounts;
    private final ConfirmationLinks links;
    private final MailAllowance allowance;

    public ConfirmationResend(Accounts accounts, ConfirmationLinks links, MailAllowance allowance) {
        this.accounts = accounts;
        this.links = links;
        this.allowance = allowance;
    }

    @Transactional
    public void resend(String email) {
        Account account = accounts.lockByEmail(EmailAddresses.normalise(email)).orElse(null);
        if (account == null || account.status() != AccountStatus.EMAIL_CONFIRMATION_PENDING) {
            return;
        }
        if (allowance.take(account.email(), MailKind.CONFIRMATION) && links.renew(account)) {
            log.info("Account {} asked for a new confirmation link: sent", account.id());
        } else {
            log.info("Account {} asked for a new confirmation link: not sent (allowance used up)", account.id());
        }
    }
}
