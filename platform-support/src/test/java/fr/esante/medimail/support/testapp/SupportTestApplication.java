package fr.esante.medimail.support.testapp;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.esante.medimail.events.EmailConfirmed;
import fr.esante.medimail.schemas.Topics;
import fr.esante.medimail.support.inbox.EventConsumers;
import fr.esante.medimail.support.outbox.Outbox;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tiny service using the plumbing the way real services do. */
@SpringBootApplication
public class SupportTestApplication {

    @Bean
    Consumer<Message<byte[]>> onEmailConfirmed(EventConsumers consumers, JdbcClient jdbc) {
        return consumers.consumer(Topics.EMAIL_CONFIRMED, event -> jdbc
                .sql("INSERT INTO handled (event_id, account_id) VALUES (:e, :a)")
                .param("e", event.getEventId()).param("a", event.getAccountId()).update());
    }

    @Service
    public static class Notes {
        private final JdbcClient jdbc;
        private final Outbox outbox;

        public Notes(JdbcClient jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        /** Stores a note and announces it; fails after both writes when asked, to test the rollback. */
        @Transactional
        public void write(UUID accountId, String text, boolean failAfterwards) {
            jdbc.sql("INSERT INTO note (id, text) VALUES (:id, :text)").param("id", accountId).param("text", text).update();
            outbox.append(Topics.EMAIL_CONFIRMED, accountId.toString(), EmailConfirmed.newBuilder()
                    .setEventId(UUID.randomUUID()).setAccountId(accountId).setOccurredAt(Instant.now()).setEmail(text).build());
            if (failAfterwards) {
                throw new IllegalStateException("simulated failure after the writes");
            }
        }
    }

    public record NoteRequest(@NotBlank(message = "Le texte est obligatoire.") @Size(max = 10, message = "10 caractères au plus.") String text,
                              @Email(message = "Adresse e-mail invalide.") String email, Kind kind) {
    }

    public enum Kind { SHORT, LONG }

    @RestController
    public static class NoteController {
        @PostMapping("/notes")
        public String create(@Valid @RequestBody NoteRequest request) {
            return "ok";
        }
    }

    /** A body with nested, optional and boolean fields, stored when accepted (to check nothing refused is stored). */
    public record StoredNoteRequest(UUID id, String text, Boolean flag, Place place) {
    }

    public record Place(String city, String region) {
    }

    @RestController
    public static class StoredNoteController {
        private final JdbcClient jdbc;

        public StoredNoteController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/stored-notes")
        public String store(@RequestBody StoredNoteRequest request) {
            jdbc.sql("INSERT INTO note (id, text) VALUES (:id, :text)").param("id", request.id())
                    .param("text", request.text().length() > 100 ? request.text().substring(0, 100) : request.text()).update();
            return "stored";
        }

        @GetMapping("/search")
        public String search(@RequestParam String q) {
            return "found " + q.length();
        }

        @PostMapping(path = "/form", consumes = "application/x-www-form-urlencoded")
        public String form(@RequestParam String reason) {
            return "received " + reason.length();
        }
    }
}
