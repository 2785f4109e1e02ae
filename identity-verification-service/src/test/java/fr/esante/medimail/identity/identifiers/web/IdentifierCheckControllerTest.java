package fr.esante.medimail.identity.identifiers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.identity.identifiers.IdentifierType;
import fr.esante.medimail.identity.identifiers.SyntaxProblem;

class IdentifierCheckControllerTest {

    private final IdentifierCheckController controller = new IdentifierCheckController();

    @Test
    void every_type_and_problem_has_a_french_message() {
        for (IdentifierType type : IdentifierType.values()) {
            for (SyntaxProblem problem : SyntaxProblem.values()) {
                assertThat(IdentifierCheckController.message(type, problem)).isNotBlank();
            }
        }
        assertThat(IdentifierCheckController.message(IdentifierType.SIRET, SyntaxProblem.WRONG_LENGTH))
                .isEqualTo("Le numéro SIRET comporte 14 chiffres.");
    }

    @Test
    void the_answer_echoes_the_value_and_names_the_recognised_type() {
        var answer = controller.check(new IdentifierCheckController.CheckRequest("finess", "1 310 000 013"));
        assertThat(answer).isEqualTo(new IdentifierCheckController.CheckResponse("FINESS", "1 310 000 013", true, null, "310000013", null));

        var unknown = controller.check(new IdentifierCheckController.CheckRequest("NIR", "1"));
        assertThat(unknown.type()).isEqualTo("NIR");
        assertThat(unknown.code()).isEqualTo("UNKNOWN_TYPE");
        assertThat(unknown.message()).startsWith("Type d'identifiant inconnu");

        var nothing = controller.check(new IdentifierCheckController.CheckRequest(null, null));
        assertThat(nothing.code()).isEqualTo("UNKNOWN_TYPE");
        assertThat(nothing.wellFormed()).isFalse();
    }
}
