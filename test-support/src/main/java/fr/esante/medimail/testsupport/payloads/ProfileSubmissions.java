package fr.esante.medimail.testsupport.payloads;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A professional profile ({@code PUT /api/v1/me/professional-profile}) as a test submits it, with the values of the
 * fictional directory (shared/reference/test-identities.md): {@link #rpps} is Jean DURAND's liberal practice in
 * Toulouse, {@link #finess} the in-training path through the fictional hospital. Each field can be overridden.
 */
public final class ProfileSubmissions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String path;
    private String identifierType;
    private String identifier;
    private String profession;
    private String specialty;
    private Object liberal = true;
    private String phone = "05 61 00 00 00";
    private String secondPhone;
    private Map<String, Object> address = toulouse();
    private String organisationName;
    private String serviceName;
    private Boolean directoryVisible = true;
    private Boolean paperless = true;

    private ProfileSubmissions(String path, String identifierType, String identifier) {
        this.path = path;
        this.identifierType = identifierType;
        this.identifier = identifier;
    }

    /** The national path with an RPPS: a general practitioner (profession 10, SM54) in his own practice. */
    public static ProfileSubmissions rpps(String rpps) {
        ProfileSubmissions profile = new ProfileSubmissions("NATIONAL_ID", "RPPS", rpps);
        profile.profession = "10";
        profile.specialty = "SM54";
        profile.organisationName = "Cabinet médical";
        return profile;
    }

    /**
     * The foreign or in-training path, which names the structure whose FINESS it gives: a nurse (profession 60) of
     * the fictional hospital.
     */
    public static ProfileSubmissions finess(String finess) {
        ProfileSubmissions profile = new ProfileSubmissions("FOREIGN_OR_IN_TRAINING", "FINESS", finess);
        profile.profession = "60";
        profile.organisationName = "Centre hospitalier fictif";
        return profile;
    }

    public ProfileSubmissions withPath(String path) {
        this.path = path;
        return this;
    }

    public ProfileSubmissions withIdentifierType(String identifierType) {
        this.identifierType = identifierType;
        return this;
    }

    public ProfileSubmissions withIdentifier(String identifier) {
        this.identifier = identifier;
        return this;
    }

    /** Also drops the specialty: a specialty belongs to one profession, so the default one would not fit another. */
    public ProfileSubmissions withProfession(String profession) {
        this.profession = profession;
        this.specialty = null;
        return this;
    }

    public ProfileSubmissions withSpecialty(String specialty) {
        this.specialty = specialty;
        return this;
    }

    /** An Object, so that a test can send what a careless client would (a text, null). */
    public ProfileSubmissions withLiberal(Object liberal) {
        this.liberal = liberal;
        return this;
    }

    public ProfileSubmissions withPhone(String phone) {
        this.phone = phone;
        return this;
    }

    public ProfileSubmissions withSecondPhone(String secondPhone) {
        this.secondPhone = secondPhone;
        return this;
    }

    public ProfileSubmissions withAddress(String line, String postalCode, String city, String region, String department) {
        this.address = address(line, postalCode, city, region, department);
        return this;
    }

    /** One field of the address changed, the others kept. */
    public ProfileSubmissions withAddressField(String field, Object value) {
        this.address = new LinkedHashMap<>(address);
        this.address.put(field, value);
        return this;
    }

    public ProfileSubmissions withOrganisationName(String organisationName) {
        this.organisationName = organisationName;
        return this;
    }

    public ProfileSubmissions withServiceName(String serviceName) {
        this.serviceName = serviceName;
        return this;
    }

    public ProfileSubmissions withDirectoryVisible(boolean directoryVisible) {
        this.directoryVisible = directoryVisible;
        return this;
    }

    public ProfileSubmissions withPaperless(boolean paperless) {
        this.paperless = paperless;
        return this;
    }

    /** A new map on each call (the address too), for tests that then break one field on purpose. */
    public Map<String, Object> fields() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("path", path);
        profile.put("identifierType", identifierType);
        profile.put("identifier", identifier);
        profile.put("profession", profession);
        profile.put("specialty", specialty);
        profile.put("liberal", liberal);
        profile.put("phone", phone);
        profile.put("secondPhone", secondPhone);
        profile.put("address", new LinkedHashMap<>(address));
        profile.put("organisationName", organisationName);
        profile.put("serviceName", serviceName);
        profile.put("directoryVisible", directoryVisible);
        profile.put("paperless", paperless);
        return profile;
    }

    public String json() {
        return JSON.writeValueAsString(fields());
    }

    private static Map<String, Object> toulouse() {
        return address("10 rue des Trente-six Ponts", "31400", "Toulouse", "76", "31");
    }

    private static Map<String, Object> address(String line, String postalCode, String city, String region, String department) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line", line);
        address.put("postalCode", postalCode);
        address.put("city", city);
        address.put("region", region);
        address.put("department", department);
        return address;
    }
}
