package fr.esante.medimail.registration.terms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.esante.medimail.registration.account.Refusal;
import fr.esante.medimail.registration.RegistrationApplication;
import fr.esante.medimail.support.texts.UserTexts;

/**
 * The terms of use a validated account must accept before using its session for anything but reading them and its
 * own status. The current version is configuration ({@code medimail.registration.terms-version}); its French text is
 * the resource {@code terms/conditions-utilisation-<version>.txt}, read at startup (a version without its text stops
 * the service). Publishing a new version asks every holder again: only an acceptance of the current version counts.
 */
@Service
public class TermsOfUse {

    private static final UserTexts TEXTS = UserTexts.of(RegistrationApplication.NAME);

    /** The text of one version. */
    public record Terms(String version, String text) {
    }

    private static final Logger log = LoggerFactory.getLogger(TermsOfUse.class);

    private final TermsAcceptances acceptances;
    private final Clock clock;
    private final Terms current;

    public TermsOfUse(TermsAcceptances acceptances, Clock clock,
                      @Value("${medimail.registration.terms-version}") String version) {
        this.acceptances = acceptances;
        this.clock = clock;
        this.current = new Terms(version, read(version));
    }

    public Terms current() {
        return current;
    }

    public boolean hasAcceptedCurrent(UUID accountId) {
        return acceptances.hasAccepted(accountId, current.version());
    }

    /** @throws Refusal TERMS_VERSION_MISMATCH (400) when the version accepted is not the current one */
    public void accept(UUID accountId, String version) {
        if (!current.version().equals(version)) {
            throw Refusal.invalidField("version", "TERMS_VERSION_MISMATCH", TEXTS.text("terms.terms-version-mismatch"));
        }
        acceptances.record(accountId, version, clock.instant());
        log.info("Account {} accepted the terms of use version {}", accountId, version);
    }

    private static String read(String version) {
        if (version == null || !version.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalStateException("medimail.registration.terms-version '" + version + "' is not a valid version name");
        }
        String resource = "terms/conditions-utilisation-" + version + ".txt";
        try (InputStream in = TermsOfUse.class.getClassLoader().getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "No text for terms of use version " + version + " (" + resource + ")");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
