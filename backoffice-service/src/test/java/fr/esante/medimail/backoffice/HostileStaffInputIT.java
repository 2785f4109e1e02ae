package fr.esante.medimail.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A NUL character in a staff rejection reason used to end in a 500 (issue 13): now a 400 problem naming the field,
 * and the review stays pending, untouched.
 */
class HostileStaffInputIT extends BackofficeIntegrationTest {

    @Test
    void aControlCharacterInARejectionReasonIsRefusedAndTheReviewStaysPending() {
        Applicants.Applicant applicant = Applicants.durand();
        String id = queued(applicant).get("id").asString();

        for (String reason : new String[] {"{\"reason\":\"Motif\\u0000invalide\"}", "{\"reason\":\"Motif\\u001binvalide\"}",
                "{\"reason\":\"Motif \\ud800\"}"}) {
            Response refused = post("/api/v1/reviews/" + id + "/rejection", reason, reviewer());
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("reason");
            assertThat(error.get("code").asString()).isEqualTo("FORBIDDEN_CHARACTER");
        }
        Response wrongType = post("/api/v1/reviews/" + id + "/rejection", "{\"reason\":42}", reviewer());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        assertThat(reviewOf(applicant.accountId(), "PENDING")).as("untouched").isNotNull();
        // A reason over several lines is ordinary text.
        assertThat(post("/api/v1/reviews/" + id + "/rejection", rejection("Motif :\r\n- pièce illisible"), reviewer()).status())
                .isEqualTo(200);
    }
}
