package fr.esante.medimail.notification;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.testsupport.UserTextsFile;

/** Every text the service names is in its messages_fr.properties, and shows as written. */
class UserTextsTest {

    @Test
    void everyTextNamedByTheCodeExistsAndFormats() {
        UserTextsFile.assertComplete(NotificationApplication.NAME, Path.of("src/main/java"));
    }
}
