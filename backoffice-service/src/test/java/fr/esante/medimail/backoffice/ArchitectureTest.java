package fr.esante.medimail.backoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of service-conventions.md: one package per feature, domain classes at its root, adapters
 * at its edges in web, messaging and persistence; the domain never depends on an adapter, nor on the
 * technologies adapters wrap (HTTP, SQL, Kafka, Avro event classes, the outbox and inbox plumbing).
 */
@AnalyzeClasses(packages = "fr.esante.medimail.backoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"fr.esante.medimail.backoffice.applicant",
            "fr.esante.medimail.backoffice.review", "fr.esante.medimail.backoffice.staff",
            "fr.esante.medimail.backoffice.identityreview", "fr.esante.medimail.backoffice.directory",
            "fr.esante.medimail.backoffice.account", "fr.esante.medimail.backoffice.audit",
            "fr.esante.medimail.backoffice.export", "fr.esante.medimail.backoffice.promise"};

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..persistence..")
            .because("domain classes never import web, messaging or persistence types");

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapterTechnologies = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.springframework.web..",
                    "org.springframework.http..", "org.springframework.kafka..", "org.springframework.messaging..",
                    "org.apache.kafka..", "org.apache.avro..", "jakarta.servlet..", "tools.jackson..",
                    "fr.esante.medimail.events..", "fr.esante.medimail.schemas..", "fr.esante.medimail.support..");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOthersAdapters = noClasses()
            .that().resideInAPackage("fr.esante.medimail.backoffice.review..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.backoffice.applicant.web..",
                    "fr.esante.medimail.backoffice.applicant.messaging..", "fr.esante.medimail.backoffice.staff..");

    @ArchTest
    static final ArchRule identityReviewsKnowNothingOfAccountReviews = noClasses()
            .that().resideInAPackage("fr.esante.medimail.backoffice.identityreview..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.backoffice.review..",
                    "fr.esante.medimail.backoffice.staff..", "fr.esante.medimail.backoffice.applicant.web..",
                    "fr.esante.medimail.backoffice.applicant.messaging..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("fr.esante.medimail.backoffice.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule applicantFilesKnowNothingOfReviews = noClasses()
            .that().resideInAPackage("fr.esante.medimail.backoffice.applicant..")
            .should().dependOnClassesThat().resideInAPackage("fr.esante.medimail.backoffice.review..");
}
