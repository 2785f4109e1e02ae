package fr.esante.medimail.mssaddress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import fr.esante.medimail.testsupport.ServiceArchitecture;

/** The package rules every service follows (test-support's {@link ServiceArchitecture}, see service-conventions.md), and what is particular to this one. */
@AnalyzeClasses(packages = "fr.esante.medimail.mssaddress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule derivationIsPureJava = noClasses()
            .that().resideInAPackage("fr.esante.medimail.mssaddress.derivation")
            .should().dependOnClassesThat().resideOutsideOfPackages("fr.esante.medimail.mssaddress.derivation", "java..")
            .because("deriving an address is a pure function of the names, the profession and the configured table");
}
