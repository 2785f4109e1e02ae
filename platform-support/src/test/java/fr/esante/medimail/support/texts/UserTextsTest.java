package fr.esante.medimail.support.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.testsupport.UserTextsFile;

/** Every shared text the plumbing names is in its messages_fr.properties, and shows as written. */
class UserTextsTest {

    @Test
    void everyTextNamedByTheCodeExistsAndFormats() {
        UserTextsFile.assertComplete(PlatformTexts.NAME, Path.of("src/main/java"));
    }

    @Test
    void anApostropheAndAnArgumentShowAsWritten() {
        assertThat(PlatformTexts.text("problem.malformed-request.detail"))
                .isEqualTo("Le corps de la requête n'est pas un JSON valide.");
        assertThat(PlatformTexts.text("problem.request-too-large.detail", Long.toString(1048576)))
                .isEqualTo("Le corps de la requête dépasse la taille autorisée (1048576 octets).");
    }
}
