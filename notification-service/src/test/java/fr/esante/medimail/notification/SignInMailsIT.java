package fr.esante.medimail.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.events.OneTimeCodeRequested;
import fr.esante.medimail.events.PasswordChanged;
import fr.esante.medimail.events.PasswordResetRequested;
import fr.esante.medimail.events.SignInLocked;
import fr.esante.medimail.schemas.Topics;

/** The sign-in e-mails: one-time code, lock, password changed, reset link; French, plain text and HTML, from cerbere. */
class SignInMailsIT extends NotificationIntegrationTest {

    @Test
    void theOneTimeCodeIsMailedOpenedFromItsSealAndNotKept() throws Exception {
        String email = "jean.durand." + UUID.randomUUID() + "@example.org";
        OneTimeCodeRequested event = OneTimeCodeRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Jean").setLastName("DURAND").setSealedCode(secrets.seal("493817"))
                .setExpiresAt(Instant.now().plus(Duration.ofMinutes(10))).build();

        Map<String, String> mail = mailFor(Topics.ONE_TIME_CODE_REQUESTED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : votre code de connexion");
        assertThat(mail.get("text/plain")).contains("Bonjour Jean DURAND", "493817", "Ne le communiquez à personne");
        assertThat(mail.get("text/html")).contains("493817", "lang=\"fr\"");
        assertThat(jdbc.sql("SELECT template FROM sent_email WHERE account_id = :id").param("id", event.getAccountId())
                .query(String.class).single()).isEqualTo("one-time-code");
    }

    @Test
    void theLockIsToldWithTheTimeItEnds() throws Exception {
        String email = "marie.martin." + UUID.randomUUID() + "@example.org";
        SignInLocked event = SignInLocked.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Marie").setLockedUntil(Instant.parse("2026-12-02T10:05:00Z")).build();

        Map<String, String> mail = mailFor(Topics.SIGN_IN_LOCKED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : connexion suspendue après plusieurs échecs");
        assertThat(mail.get("text/plain")).contains("Bonjour Marie", "2 décembre 2026 à 11h05", "Mot de passe oublié");
        assertThat(mail.get("text/html")).contains("2 décembre 2026 à 11h05");
    }

    @Test
    void aPasswordChangeIsToldAndSaysWhetherItWasAReset() throws Exception {
        String email = "paul.bernard." + UUID.randomUUID() + "@example.org";
        PasswordChanged event = PasswordChanged.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Paul").setThroughReset(true).build();

        Map<String, String> mail = mailFor(Topics.PASSWORD_CHANGED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : votre mot de passe a été modifié");
        assertThat(mail.get("text/plain")).contains("réinitialisé", "Toutes les sessions").doesNotContain("Les autres sessions");
        assertThat(mail.get("text/html")).contains("réinitialisé").doesNotContain("Les autres sessions");
    }

    @Test
    void theResetLinkPointsAtTheResetPage() throws Exception {
        String email = "lea.petit." + UUID.randomUUID() + "@example.org";
        PasswordResetRequested event = PasswordResetRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setAccountId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setEmail(email).setFirstName("Léa").setSealedResetToken(secrets.seal("jeton-de-reinit"))
                .setExpiresAt(Instant.now().plus(Duration.ofHours(1))).build();

        Map<String, String> mail = mailFor(Topics.PASSWORD_RESET_REQUESTED, event.getAccountId(), event, email);

        assertThat(mail.get("subject")).isEqualTo("Medimail : réinitialisation de votre mot de passe");
        assertThat(mail.get("text/plain")).contains("Bonjour Léa", "/mot-de-passe/reinitialiser?token=jeton-de-reinit");
        assertThat(mail.get("text/html")).contains("/mot-de-passe/reinitialiser?token=jeton-de-reinit");
    }
}
