package fr.esante.medimail.identity.decision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import fr.esante.medimail.support.web.ApiProblem;

class IdentityDecisionControllerTest {

    @Test
    void a_well_formed_account_id_is_parsed() {
        UUID id = UUID.randomUUID();
        assertThat(IdentityDecisionController.accountId(id.toString())).isEqualTo(id);
        assertThat(IdentityDecisionController.accountId(" " + id.toString().toUpperCase() + " ")).isEqualTo(id);
    }

    @Test
    void a_missing_account_id_is_a_400_required() {
        for (String value : new String[] {null, "", "  "}) {
            ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> IdentityDecisionController.accountId(value));
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.code()).isEqualTo("REQUIRED");
            assertThat(problem.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("accountId"));
        }
    }

    @Test
    void a_malformed_account_id_is_a_400_invalid_format() {
        for (String value : new String[] {"abc", "3f2b6c1e-8d4a-4b7e-9c0d-1a2b3c4d5e6f-00", "\u0000", "3f2b6c1e8d4a4b7e9c0d1a2b3c4d5e6f",
                "z".repeat(10_000)}) {
            ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> IdentityDecisionController.accountId(value));
            assertThat(problem).as(value).isNotNull();
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.code()).isEqualTo("INVALID_FORMAT");
            assertThat(problem.getMessage()).startsWith("L'identifiant du compte (accountId) doit être un UUID");
        }
    }
}
