package fr.esante.medimail.registration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Packages by feature; inside a feature, the domain at its root and the adapters in web, messaging and
 * persistence sub-packages. The patterns {@code ..web..}, {@code ..messaging..} and {@code ..persistence..}
 * cover this service's adapters and the frameworks' types alike (Spring Web and Messaging, Jakarta Persistence).
 */
@AnalyzeClasses(packages = "fr.esante.medimail.registration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {"..web..", "..messaging..", "..persistence.."};

    @ArchTest
    static final ArchRule domainClassesDoNotDependOnAdapters = noClasses()
            .that().resideOutsideOfPackages(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.jdbc..",
                    "org.springframework.data..", "org.springframework.kafka..", "org.springframework.cloud..",
                    "org.apache.kafka..", "fr.esante.medimail.support.inbox..")
            .because("the domain of each feature must not know how it is reached or stored");

    @ArchTest
    static final ArchRule webDoesNotReachPersistence = noClasses()
            .that().resideInAPackage("fr.esante.medimail.registration..web..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.registration..persistence..",
                    "fr.esante.medimail.registration..messaging..");

    @ArchTest
    static final ArchRule entitiesStayInPersistence = classes()
            .that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage("..persistence..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("fr.esante.medimail.registration.(*)..").should().beFreeOfCycles();
}
