package fr.esante.medimail.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Sending e-mails knows nothing of Kafka or events: the messaging adapter translates events into e-mails. */
@AnalyzeClasses(packages = "fr.esante.medimail.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule mailDoesNotDependOnMessaging = noClasses()
            .that().resideInAPackage("fr.esante.medimail.notification.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.esante.medimail.notification.messaging..",
                    "fr.esante.medimail.events..", "fr.esante.medimail.schemas..", "org.apache.kafka..",
                    "org.springframework.messaging..", "org.springframework.cloud..")
            .because("e-mails are rendered and sent the same way whatever event asked for them");
}
