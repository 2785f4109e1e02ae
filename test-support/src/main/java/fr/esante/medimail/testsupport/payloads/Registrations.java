package fr.esante.medimail.testsupport.payloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * The self-registration form ({@code POST /api/v1/registrations}) as a test sends it: by default Jean DURAND of the
 * fictional directory (shared/reference/test-identities.md) with an address no other test uses, a password the
 * strength rules accept and region 76 (Occitanie, where his practice is). Each field can be overridden.
 */
public final class Registrations {

    public static final String PASSWORD = "Motdepasse-solide-2026";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String lastName = "DURAND";
    private String firstName = "Jean";
    private String email = uniqueEmail("jean.durand");
    private String password = PASSWORD;
    private String passwordConfirmation = PASSWORD;
    private String region = "76";

    private Registrations() {
    }

    public static Registrations aProfessional() {
        return new Registrations();
    }

    /** An address of example.org that no other test (nor another run of this one) registers. */
    public static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public Registrations withLastName(String lastName) {
        this.lastName = lastName;
        return this;
    }

    public Registrations withFirstName(String firstName) {
        this.firstName = firstName;
        return this;
    }

    public Registrations withEmail(String email) {
        this.email = email;
        return this;
    }

    /** The password, typed twice alike. */
    public Registrations withPassword(String password) {
        this.password = password;
        this.passwordConfirmation = password;
        return this;
    }

    public Registrations withPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
        return this;
    }

    public Registrations withRegion(String region) {
        this.region = region;
        return this;
    }

    public String email() {
        return email;
    }

    /** A new map on each call, in the form's order, for tests that then break one field on purpose. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("lastName", lastName);
        fields.put("firstName", firstName);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("passwordConfirmation", passwordConfirmation);
        fields.put("region", region);
        return fields;
    }

    public String json() {
        return JSON.writeValueAsString(fields());
    }
}
