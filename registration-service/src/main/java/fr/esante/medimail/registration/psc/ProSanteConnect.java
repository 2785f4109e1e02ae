package fr.esante.medimail.registration.psc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.esante.medimail.registration.RegistrationProperties;
import fr.esante.medimail.registration.account.Account;
import fr.esante.medimail.registration.account.AccountStatus;
import fr.esante.medimail.registration.account.Accounts;
import fr.esante.medimail.registration.account.EmailAddresses;
import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.confirmation.ConfirmationEvents;
import fr.esante.medimail.registration.confirmation.ConfirmationLinks;
import fr.esante.medimail.registration.mailing.MailAllowance;
import fr.esante.medimail.registration.mailing.MailKind;
import fr.esante.medimail.registration.session.AccessTokens;
import fr.esante.medimail.registration.session.SignInGuard;
import fr.esante.medimail.registration.terms.TermsOfUse;
import fr.esante.medimail.support.secrets.SecretTokens;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * What a Pro Santé Connect identity leads to. After the callback the browser gets a one-time code (its hash stored
 * with the vouched identity), and the page hands it back: a linked account gets a session (PSC's authentication,
 * CPS card or e-CPS, counts as the second factor: no e-mailed code; the terms of use still apply); an RPPS that an
 * account already declares must be linked to it by its password, once (one live account per RPPS: never a second
 * account); otherwise the account is created from the vouched names and RPPS.
 */
@Service
public class ProSanteConnect {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    private static final Logger log = LoggerFactory.getLogger(ProSanteConnect.class);

    private final PscHandoffs handoffs;
    private final PscLinks links;
    private final Accounts accounts;
    private final AccessTokens tokens;
    private final SignInGuard guard;
    private final TermsOfUse terms;
    private final ConfirmationLinks confirmationLinks;
    private final MailAllowance allowance;
    private final PasswordEncoder passwords;
    private final ConfirmationEvents confirmationEvents;
    private final TransactionTemplate transactions;
    private final RegistrationProperties registration;
    private final PscProperties properties;
    private final Clock clock;

    public ProSanteConnect(PscHandoffs handoffs, PscLinks links, Accounts accounts, AccessTokens tokens, SignInGuard guard,
                           TermsOfUse terms, ConfirmationLinks confirmationLinks, MailAllowance allowance,
                           PasswordEncoder passwords, ConfirmationEvents confirmationEvents, TransactionTemplate transactions,
                           RegistrationProperties registration, PscProperties properties, Clock clock) {
        this.handoffs = handoffs;
        this.links = links;
        this.accounts = accounts;
        this.tokens = tokens;
        this.guard = guard;
        this.terms = terms;
        this.confirmationLinks = confirmationLinks;
        this.allowance = allowance;
        this.passwords = passwords;
        this.confirmationEvents = confirmationEvents;
        this.transactions = transactions;
        this.registration = registration;
        this.properties = properties;
        this.clock = clock;
    }

    /** The identity PSC vouched for, kept behind a one-time code for the page; returns the code (clear, once). */
    public String handOff(PscIdentity identity) {
        String code = SecretTokens.newToken();
        handoffs.add(SecretTokens.hash(code), identity, clock.instant().plus(properties.handoffValidity()));
        return code;
    }

    /**
     * @throws Refusal PSC_HANDOFF_INVALID (400) for an unknown, used or expired code; EMAIL_NOT_CONFIRMED (403) for a
     *                 linked account whose address is not confirmed yet
     */
    public PscOutcome exchange(String code) {
        return transactions.execute(status -> {
            String hash = hashOf(code);
            PscIdentity identity = handoffs.lock(hash, clock.instant()).orElseThrow(ProSanteConnect::invalidHandoff);
            Optional<UUID> linked = links.accountOf(identity.rpps());
            if (linked.isPresent()) {
                handoffs.remove(hash);
                Account account = accounts.findById(linked.get()).orElseThrow(ProSanteConnect::invalidHandoff);
                return session(account, "signed in with Pro Santé Connect");
            }
            Optional<UUID> declaring = links.liveAccountDeclaring(identity.rpps());
            if (declaring.isPresent()) {
                Account account = accounts.findById(declaring.get()).orElseThrow();
                log.info("Pro Santé Connect identity matches account {}, not linked yet: proof of control asked", account.id());
                return new PscOutcome.LinkRequired(identity, masked(account.email()));
            }
            return new PscOutcome.SignUpRequired(identity);
        });
    }

    /**
     * Creates the account from the vouched identity. The address is PSC's when it asserts one (confirmed at once),
     * else the typed one, confirmed by the usual e-mailed link.
     *
     * @throws Refusal PSC_HANDOFF_INVALID (400); REGION_NOT_SERVED (422); RPPS_ALREADY_REGISTERED or
     *                 EMAIL_ALREADY_REGISTERED (409), nothing written
     */
    public PscOutcome signUp(String code, String typedEmail, String region) {
        if (!registration.servedRegions().contains(region)) {
            throw Refusal.unprocessable("REGION_NOT_SERVED", TEXTS.text("psc.region-not-served"));
        }
        // Nobody signs in with it: PSC does. Hashed outside the transaction (the hashing pool is bounded).
        String unusablePasswordHash = passwords.encode(SecretTokens.newToken());
        try {
            return transactions.execute(status -> {
                String hash = hashOf(code);
                PscIdentity identity = handoffs.lock(hash, clock.instant()).orElseThrow(ProSanteConnect::invalidHandoff);
                if (links.accountOf(identity.rpps()).isPresent() || links.liveAccountDeclaring(identity.rpps()).isPresent()) {
                    throw rppsTaken();
                }
                boolean asserted = identity.email() != null;
                String email = EmailAddresses.normalise(asserted ? identity.email() : typedEmail);
                if (email == null || email.isBlank()) {
                    throw Refusal.invalidField("email", "REQUIRED", TEXTS.text("psc.email.required"));
                }
                if (accounts.findByEmail(email).isPresent()) {
                    throw Refusal.conflict("EMAIL_ALREADY_REGISTERED", TEXTS.text("psc.email-already-registered"));
                }
                Instant now = clock.instant();
                UUID id = UUID.randomUUID();
                handoffs.remove(hash);
                if (asserted) {
                    Account account = Account.confirmedByIdentityProvider(id, email, identity.lastName(), identity.firstName(),
                            region, unusablePasswordHash, now);
                    accounts.add(account);
                    links.link(id, identity, now);
                    confirmationEvents.emailConfirmed(account, now);
                    log.info("Account {} created with Pro Santé Connect (address asserted by the provider)", id);
                    return session(account, "signed up with Pro Santé Connect");
                }
                allowance.take(email, MailKind.CONFIRMATION);
                confirmationLinks.firstLink(id, email, identity.lastName(), identity.firstName(), region, unusablePasswordHash);
                links.link(id, identity, now);
                log.info("Account {} created with Pro Santé Connect, waiting for its e-mail confirmation", id);
                return new PscOutcome.ConfirmationSent(email);
            });
        } catch (DataIntegrityViolationException concurrent) {
            // Another sign-up with the same RPPS or address committed meanwhile: this one wrote nothing.
            throw rppsTaken();
        }
    }

    /**
     * Links the PSC identity to the account that already declares its RPPS, once its holder proves control of it
     * with its e-mail address and password (counted like a sign-in: wrong ones lock the address alike).
     *
     * @throws Refusal PSC_HANDOFF_INVALID (400); INVALID_CREDENTIALS (401)
     */
    public PscOutcome link(String code, String email, String password, String client) {
        String normalised = EmailAddresses.normalise(email == null ? "" : email);
        guard.checkSignInAllowed(normalised, client);
        PscIdentity identity = transactions.execute(status ->
                handoffs.lock(hashOf(code), clock.instant()).orElseThrow(ProSanteConnect::invalidHandoff));
        Optional<Account> target = links.liveAccountDeclaring(identity.rpps()).flatMap(accounts::findById)
                .filter(account -> account.email().equals(normalised));
        boolean proven = password != null && password.length() <= 1000
                && passwords.matches(password, target.map(Account::passwordHash).orElse(passwords.encode("decoy")))
                && target.isPresent();
        if (!proven) {
            guard.failed(normalised, accounts.findByEmail(normalised), client);
            log.info("Pro Santé Connect link refused: wrong credentials");
            throw Refusal.unauthenticated("INVALID_CREDENTIALS", TEXTS.text("psc.invalid-credentials"));
        }
        guard.succeeded(normalised);
        try {
            return transactions.execute(status -> {
                String hash = hashOf(code);
                handoffs.lock(hash, clock.instant()).orElseThrow(ProSanteConnect::invalidHandoff);
                handoffs.remove(hash);
                links.link(target.get().id(), identity, clock.instant());
                return session(target.get(), "linked to Pro Santé Connect");
            });
        } catch (DataIntegrityViolationException concurrent) {
            throw rppsTaken();
        }
    }

    private PscOutcome session(Account account, String what) {
        if (account.status() == AccountStatus.EMAIL_CONFIRMATION_PENDING) {
            throw Refusal.forbidden("EMAIL_NOT_CONFIRMED", TEXTS.text("psc.email-not-confirmed"));
        }
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(registration.sessionValidity());
        // PSC authenticated the holder with a CPS card or e-CPS: that is the second factor of a validated account.
        tokens.store(SecretTokens.hash(token), account.id(), now, expiresAt, true);
        log.info("Account {} {} (status {})", account.id(), what, account.status());
        return new PscOutcome.SignedIn(token, expiresAt, account.status(), terms.hasAcceptedCurrent(account.id()));
    }

    @Scheduled(fixedDelayString = "${medimail.registration.expired-token-sweep:1h}", initialDelayString = "${medimail.registration.expired-token-sweep:1h}")
    public void forgetExpiredHandoffs() {
        int deleted = handoffs.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Forgot {} expired Pro Santé Connect hand-off codes", deleted);
        }
    }

    private static String hashOf(String code) {
        if (code == null || code.isBlank() || code.length() > 200) {
            throw invalidHandoff();
        }
        return SecretTokens.hash(code.strip());
    }

    private static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    private static Refusal invalidHandoff() {
        return Refusal.invalid("PSC_HANDOFF_INVALID", TEXTS.text("psc.psc-handoff-invalid"));
    }

    private static Refusal rppsTaken() {
        return Refusal.conflict("RPPS_ALREADY_REGISTERED", TEXTS.text("psc.rpps-already-registered"));
    }
}
