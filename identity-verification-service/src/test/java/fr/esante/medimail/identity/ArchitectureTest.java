package fr.esante.medimail.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package by feature, adapters at the edges: the domain classes of each feature (the feature's root package)
 * know nothing of HTTP, Kafka and events, SQL or FHIR; the identifier rules know nothing but the JDK.
 */
@AnalyzeClasses(packages = "fr.esante.medimail.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"fr.esante.medimail.identity.identifiers", "fr.esante.medimail.identity.directory",
            "fr.esante.medimail.identity.decision"};

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..identity..web..", "..identity..messaging..",
                    "..identity..persistence..", "..identity..fhir..")
            .because("adapters depend on the domain, never the reverse");

    @ArchTest
    static final ArchRule domainDoesNotDependOnTechnology = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "org.springframework.jdbc..", "org.springframework.kafka..", "org.springframework.messaging..",
                    "org.springframework.cloud..", "org.apache.kafka..", "org.postgresql..", "java.sql..", "javax.sql..",
                    "ca.uhn.fhir..", "org.hl7..", "io.github.resilience4j..", "fr.esante.medimail.events..",
                    "fr.esante.medimail.schemas..", "fr.esante.medimail.support..", "tools.jackson..")
            .because("the rules are tested without a database, a broker or a server, and survive a change of any of them");

    @ArchTest
    static final ArchRule identifierRulesArePure = classes()
            .that().resideInAPackage("fr.esante.medimail.identity.identifiers")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "fr.esante.medimail.identity.identifiers")
            .because("identifier checks run in memory for instant form feedback");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOthersAdapters = noClasses()
            .that().resideInAPackage("fr.esante.medimail.identity.decision..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.identity.directory.persistence..",
                    "fr.esante.medimail.identity.directory.fhir..", "fr.esante.medimail.identity.directory.web..")
            .because("decisions use the directory through its ports only");
}
