package fr.esante.medimail.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import fr.esante.medimail.testsupport.ServiceArchitecture;

/** The package rules every service follows (test-support's {@link ServiceArchitecture}, see service-conventions.md). */
@AnalyzeClasses(packages = "fr.esante.medimail.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);
}
