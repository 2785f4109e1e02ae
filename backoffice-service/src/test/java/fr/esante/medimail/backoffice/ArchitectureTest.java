package fr.esante.medimail.backoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import fr.esante.medimail.testsupport.ServiceArchitecture;

/** The package rules every service follows (test-support's {@link ServiceArchitecture}, see service-conventions.md), and what is particular to this one. */
@AnalyzeClasses(packages = "fr.esante.medimail.backoffice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule identityReviewsKnowNothingOfAccountReviews = noClasses()
            .that().resideInAPackage("fr.esante.medimail.backoffice.identityreview..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.backoffice.review..",
                    "fr.esante.medimail.backoffice.staff..");

    @ArchTest
    static final ArchRule applicantFilesKnowNothingOfReviews = noClasses()
            .that().resideInAPackage("fr.esante.medimail.backoffice.applicant..")
            .should().dependOnClassesThat().resideInAPackage("fr.esante.medimail.backoffice.review..");
}
