package fr.esante.medimail.e2e;

import static fr.esante.medimail.testsupport.TestHttpClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import fr.esante.medimail.local.LocalPlatform;
import fr.esante.medimail.testsupport.TestHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * The seeded reviewer deciding through the back-office API, for journeys whose subject is the professional's side
 * (the staff pages have their own browser test).
 */
final class ReviewerDesk {

    private final TestHttpClient client;
    private final String backofficeUrl;
    private final Map<String, String> reviewer = basic(LocalPlatform.SEEDED_REVIEWER, "agent");

    ReviewerDesk(TestHttpClient client, String backofficeUrl) {
        this.client = client;
        this.backofficeUrl = backofficeUrl;
    }

    /** Waits for the pending review of the account registered with {@code email}, then approves it. */
    void approvePendingRequestOf(String email) {
        JsonNode review = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode r : client.get(backofficeUrl + "/api/v1/reviews?status=PENDING", reviewer).json()) {
                if (email.equals(r.path("email").asString())) {
                    return r;
                }
            }
            return null;
        }, r -> r != null);
        TestHttpClient.Answer approval = client.send("POST",
                backofficeUrl + "/api/v1/reviews/" + review.get("id").asString() + "/approval", "{}", reviewer);
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
    }
}
