package fr.esante.medimail.identity.directory.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;

import fr.esante.medimail.identity.directory.PractitionerActivity;
import fr.esante.medimail.identity.directory.Professional;

/**
 * Reads a {@code Practitioner?identifier=…&_revinclude=PractitionerRole:practitioner} Bundle of the Annuaire
 * Santé API. The names that count are the ones the professional practises under: the PractitionerRole
 * extension {@code as-ext-practitionerrole-name} when present, else the Practitioner's usual name. Profession
 * (TRE_G15) and savoir-faire (TRE_R38) codes are taken from roles and, failing those, from qualifications.
 */
final class FhirPractitionerMapper {

    /** National PP id, and RPPS as API v2 writes it and as the implementation guide's examples write it. */
    static final Set<String> PRACTITIONER_ID_SYSTEMS = Set.of("urn:oid:1.2.250.1.71.4.2.1", "http://rpps.fr",
            "https://rpps.esante.gouv.fr");

    private FhirPractitionerMapper() {
    }

    /** Empty when the bundle holds no Practitioner carrying the identifier. */
    static Optional<Professional> map(Bundle bundle, String type, String identifier, String nationalId) {
        List<Practitioner> practitioners = new ArrayList<>();
        List<PractitionerRole> roles = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Practitioner practitioner) {
                practitioners.add(practitioner);
            } else if (entry.getResource() instanceof PractitionerRole role) {
                roles.add(role);
            }
        }
        Optional<Practitioner> match = practitioners.stream().filter(p -> carries(p, identifier, nationalId)).findFirst();
        return match.map(practitioner -> toProfessional(practitioner, rolesOf(practitioner, roles), type, identifier));
    }

    private static boolean carries(Practitioner practitioner, String identifier, String nationalId) {
        for (Identifier id : practitioner.getIdentifier()) {
            boolean knownSystem = !id.hasSystem() || PRACTITIONER_ID_SYSTEMS.contains(id.getSystem());
            if (knownSystem && (identifier.equals(id.getValue()) || nationalId.equals(id.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private static List<PractitionerRole> rolesOf(Practitioner practitioner, List<PractitionerRole> roles) {
        String id = practitioner.getIdElement().getIdPart();
        return roles.stream()
                .filter(role -> !role.hasPractitioner() || id == null
                        || id.equals(role.getPractitioner().getReferenceElement().getIdPart()))
                .filter(role -> !role.hasActive() || role.getActive())
                .toList();
    }

    private static Professional toProfessional(Practitioner practitioner, List<PractitionerRole> roles, String type, String identifier) {
        HumanName name = roles.stream().map(FhirPractitionerMapper::exerciseName).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> usualName(practitioner));
        List<PractitionerActivity> activities = new ArrayList<>();
        for (PractitionerRole role : roles) {
            String mode = code(role.getCode(), "TRE_R23", "TRE-R23");
            List<String> skills = new ArrayList<>();
            role.getSpecialty().forEach(specialty -> codes(specialty, skills, "TRE_R38", "TRE-R38"));
            List<String> professions = new ArrayList<>();
            role.getCode().forEach(code -> codes(code, professions, "TRE_G15", "TRE-G15"));
            String structure = role.hasOrganization() && role.getOrganization().hasDisplay() ? role.getOrganization().getDisplay() : null;
            for (String profession : professions) {
                if (skills.isEmpty()) {
                    activities.add(activity(profession, null, mode, structure));
                }
                skills.forEach(skill -> activities.add(activity(profession, skill, mode, structure)));
            }
        }
        if (activities.isEmpty()) {
            List<String> professions = new ArrayList<>();
            List<String> skills = new ArrayList<>();
            practitioner.getQualification().forEach(q -> {
                codes(q.getCode(), professions, "TRE_G15", "TRE-G15");
                codes(q.getCode(), skills, "TRE_R38", "TRE-R38");
            });
            for (String profession : professions) {
                activities.add(activity(profession, skills.isEmpty() ? null : skills.get(0), null, null));
                skills.stream().skip(1).forEach(skill -> activities.add(activity(profession, skill, null, null)));
            }
        }
        boolean active = !practitioner.hasActive() || practitioner.getActive();
        return new Professional(type, identifier, name.hasPrefix() ? name.getPrefixAsSingleString() : null,
                name.getFamily(), name.hasGiven() ? name.getGivenAsSingleString() : null, active, activities);
    }

    private static Optional<HumanName> exerciseName(PractitionerRole role) {
        for (Extension extension : role.getExtension()) {
            if (extension.getUrl() != null && extension.getUrl().endsWith("as-ext-practitionerrole-name")
                    && extension.getValue() instanceof HumanName name && name.hasFamily()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static HumanName usualName(Practitioner practitioner) {
        return practitioner.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.USUAL).findFirst()
                .or(() -> practitioner.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst())
                .or(() -> practitioner.getName().stream().findFirst())
                .orElseGet(HumanName::new);
    }

    private static PractitionerActivity activity(String profession, String skill, String mode, String structure) {
        return new PractitionerActivity(profession, null, null, skill == null ? null : "S", skill, null, mode, null,
                null, null, null, null, structure, null, null, null);
    }

    private static String code(List<CodeableConcept> concepts, String... systemMarks) {
        List<String> found = new ArrayList<>();
        concepts.forEach(concept -> codes(concept, found, systemMarks));
        return found.isEmpty() ? null : found.get(0);
    }

    private static void codes(CodeableConcept concept, List<String> into, String... systemMarks) {
        for (Coding coding : concept.getCoding()) {
            if (coding.hasSystem() && coding.hasCode()) {
                for (String mark : systemMarks) {
                    if (coding.getSystem().contains(mark) && !into.contains(coding.getCode())) {
                        into.add(coding.getCode());
                    }
                }
            }
        }
    }
}
