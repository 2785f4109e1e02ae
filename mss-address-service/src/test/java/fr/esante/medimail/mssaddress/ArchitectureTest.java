package fr.esante.medimail.mssaddress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/service-conventions.md: a feature's domain classes sit at the root of the
 * feature package and know nothing of the adapters (web, messaging, persistence) at its edges.
 */
@AnalyzeClasses(packages = "fr.esante.medimail.mssaddress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The root of each feature package: derivation, assignment… (one level below the service package). */
    private static final String FEATURE_ROOTS = "fr.esante.medimail.mssaddress.*";

    @ArchTest
    static final ArchRule domainClassesDoNotDependOnAdapters = noClasses()
            .that().resideInAPackage(FEATURE_ROOTS)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..", "..persistence..")
            .because("domain classes never import web, messaging or persistence types (service-conventions.md)");

    @ArchTest
    static final ArchRule domainClassesDoNotDependOnTechnicalApis = noClasses()
            .that().resideInAPackage(FEATURE_ROOTS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "fr.esante.medimail.events..", "fr.esante.medimail.schemas..", "fr.esante.medimail.support..",
                    "org.apache.kafka..", "org.apache.avro..", "org.springframework.kafka..",
                    "org.springframework.cloud..", "org.springframework.messaging..", "org.springframework.jdbc..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "jakarta.persistence..", "java.sql..", "javax.sql..")
            .because("Avro events, Kafka, JDBC and HTTP belong to the adapters; the domain speaks its own types");

    @ArchTest
    static final ArchRule derivationIsPureJava = noClasses()
            .that().resideInAPackage("fr.esante.medimail.mssaddress.derivation")
            .should().dependOnClassesThat().resideOutsideOfPackages("fr.esante.medimail.mssaddress.derivation", "java..")
            .because("deriving an address is a pure function of the names, the profession and the configured table");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.mssaddress..messaging..",
                    "fr.esante.medimail.mssaddress..persistence..")
            .because("each adapter talks to the domain, not to the other adapters");

    @ArchTest
    static final ArchRule messagingDoesNotReachIntoPersistence = noClasses()
            .that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAPackage("fr.esante.medimail.mssaddress..persistence..")
            .because("each adapter talks to the domain, not to the other adapters");
}
