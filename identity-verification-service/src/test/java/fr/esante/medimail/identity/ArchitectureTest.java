package fr.esante.medimail.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import fr.esante.medimail.testsupport.ServiceArchitecture;

/** The package rules every service follows (test-support's {@link ServiceArchitecture}, see service-conventions.md), and what is particular to this one. */
@AnalyzeClasses(packages = "fr.esante.medimail.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule identifierRulesArePure = classes()
            .that().resideInAPackage("fr.esante.medimail.identity.identifiers")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "fr.esante.medimail.identity.identifiers")
            .because("identifier checks run in memory for instant form feedback");
}
