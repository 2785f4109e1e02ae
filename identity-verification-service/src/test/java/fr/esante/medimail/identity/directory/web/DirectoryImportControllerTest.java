package fr.esante.medimail.identity.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

import fr.esante.medimail.identity.directory.DirectoryImportService;
import fr.esante.medimail.identity.directory.DirectoryImportSettings;
import fr.esante.medimail.identity.directory.DirectoryStore;
import fr.esante.medimail.support.web.ApiProblem;

/** Inputs that must be refused as problems (400/404) before anything is imported or looked up. */
class DirectoryImportControllerTest {

    @TempDir
    Path inbox;

    private final DirectoryImportService imports = mock(DirectoryImportService.class);
    private final DirectoryStore store = mock(DirectoryStore.class);

    private DirectoryImportController controller() {
        DirectoryImportSettings settings = new DirectoryImportSettings(null, "-", false, inbox.toString(), 0.01, 100, 0.5, "128MB");
        return new DirectoryImportController(imports, store, settings);
    }

    @AfterEach
    void nothing_was_imported() {
        verifyNoInteractions(imports);
    }

    @Test
    void a_path_the_file_system_cannot_hold_is_a_400_path_not_allowed() {
        for (String path : new String[] {"a\u0000b", "\u0000", "extraction.txt\u0000.png"}) {
            ApiProblem problem = refusal(path);
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.code()).isEqualTo("PATH_NOT_ALLOWED");
            assertThat(problem.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("path");
                assertThat(error.code()).isEqualTo("PATH_NOT_ALLOWED");
                assertThat(error.message()).isEqualTo("Ce chemin n'est pas valide : indiquez le nom d'un fichier du répertoire de dépôt.");
            });
        }
    }

    @Test
    void a_file_outside_the_inbox_or_missing_is_a_400() throws Exception {
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            for (String path : new String[] {"../" + outside.getFileName(), outside.toString(), "absent.txt", ".", "x".repeat(5000)}) {
                ApiProblem problem = refusal(path);
                assertThat(problem.status()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(problem.code()).as(path).isIn("FILE_NOT_FOUND", "PATH_NOT_ALLOWED");
            }
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void an_import_id_that_is_not_a_number_names_no_import() {
        assertThat(DirectoryImportController.importId("42")).contains(42L);
        assertThat(DirectoryImportController.importId(" 7 ")).contains(7L);
        for (String id : new String[] {"abc", "", " ", "1.5", "99999999999999999999", "0x1", "4 2"}) {
            assertThat(DirectoryImportController.importId(id)).as(id).isEqualTo(Optional.empty());
        }
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> controller().find("abc"));
        assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.code()).isEqualTo("IMPORT_NOT_FOUND");
        verifyNoInteractions(store);

        when(store.find(42L)).thenReturn(Optional.empty());
        assertThat(catchThrowableOfType(ApiProblem.class, () -> controller().find("42")).code()).isEqualTo("IMPORT_NOT_FOUND");
    }

    private ApiProblem refusal(String path) {
        return catchThrowableOfType(ApiProblem.class,
                () -> controller().start(new DirectoryImportController.ImportRequest(path, false)));
    }
}
