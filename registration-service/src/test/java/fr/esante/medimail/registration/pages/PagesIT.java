package fr.esante.medimail.registration.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.esante.medimail.registration.IntegrationTest;

/** Every page of the journey is served in French with its safety headers; the scripts and styles it names exist. */
class PagesIT extends IntegrationTest {

    private static final List<String> PAGES = List.of("/", "/inscription/verifiez-vos-e-mails", "/confirmation", "/connexion",
            "/connexion/code", "/conditions-utilisation", "/deconnexion", "/mot-de-passe/oublie",
            "/mot-de-passe/reinitialiser", "/profil", "/ma-demande", "/mon-compte",
            "/boites-organisationnelles");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:dsfr|js|css)/[^\"]+)\"");

    @Test
    void everyPageIsFrenchWithTheServiceDeskAndItsAssetsExist() {
        for (String path : PAGES) {
            Answer page = get(path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("lang=\"fr\"", "République", "0 820 250 035", "8h30",
                    "assistance.esante-occitanie.fr", "<h1");
            assertThat(page.body()).as(path + ": no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            Matcher assets = ASSET.matcher(page.body());
            int count = 0;
            while (assets.find()) {
                count++;
                assertThat(get(assets.group(1), null).status()).as(path + " → " + assets.group(1)).isEqualTo(200);
            }
            assertThat(count).as(path).isGreaterThan(3);
        }
    }

    @Test
    void pagesCarryTheSafetyHeaders() {
        for (String path : List.of("/", "/connexion", "/js/medimail.js", "/api/v1/regions")) {
            Answer page = get(path, null);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void linksCarryingASecretAreNeitherCachedNorSentAsReferrer() {
        for (String path : List.of("/confirmation?token=abc", "/mot-de-passe/reinitialiser?token=abc")) {
            Answer page = get(path, null);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void pagesAndScriptsTravelCompressed() {
        Answer css = send(request("/dsfr/medimail-dsfr.min.css", null).header("Accept-Encoding", "gzip").GET());
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void theFormsMayCallTheIdentifierCheckAndAddressPreviewButNothingElseElsewhere() {
        String policy = get("/", null).headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("connect-src 'self' http://localhost:8082 http://localhost:8083;");
        assertThat(get("/", null).body()).contains("content=\"http://localhost:8082\"", "content=\"http://localhost:8083\"");
    }
}
