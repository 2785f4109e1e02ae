package fr.esante.medimail.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The one package rule set of docs/service-conventions.md, applied to every service by its {@code ArchitectureTest}:
 * <pre>
 * {@code @AnalyzeClasses(packages = "fr.esante.medimail.<service>", importOptions = ImportOption.DoNotIncludeTests.class)}
 * class ArchitectureTest {
 *     {@code @ArchTest} static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 * A service's classes live in {@code fr.esante.medimail.<service>.<feature>}: the feature's domain at the root of its
 * package, its adapters (web, messaging, persistence, and wrappers of a technology such as fhir or config) in
 * sub-packages. The rules are written against that layout only, so a new service or feature is covered as it is.
 */
public final class ServiceArchitecture {

    private static final String PROJECT = "fr.esante.medimail.";
    /** Packages directly below a service package that are adapters rather than features (notification.messaging). */
    private static final Set<String> ADAPTER_NAMES = Set.of("web", "messaging", "persistence", "config", "fhir");

    /** What the domain must not know: how it is reached (HTTP), stored (JDBC), or announced (Kafka, Avro, outbox). */
    private static final String[] ADAPTER_TECHNOLOGIES = {
            "fr.esante.medimail.events..", "fr.esante.medimail.schemas..", "org.apache.avro..",
            "fr.esante.medimail.support.outbox..", "fr.esante.medimail.support.inbox..",
            "org.apache.kafka..", "org.springframework.kafka..", "org.springframework.cloud.stream..",
            "org.springframework.messaging..",
            "org.springframework.jdbc..", "java.sql..", "javax.sql..", "jakarta.persistence..", "org.postgresql..",
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..", "java.net.http.."};

    private ServiceArchitecture() {
    }

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = classes().that(areDomainClasses())
            .should(notDependOnAnAdapterOfTheirService())
            .because("the domain of a feature knows nothing of how it is reached, stored or announced; adapters depend"
                    + " on the domain, never the reverse (service-conventions.md)");

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapterTechnologies = noClasses().that(areDomainClasses())
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_TECHNOLOGIES)
            .because("Avro events, the outbox, Kafka, JDBC and HTTP belong to the adapters: the domain speaks its own"
                    + " types and announces what happened through a port (an interface such as AssignmentEvents)");

    @ArchTest
    static final ArchRule featuresTalkThroughEachOthersDomainOnly = classes()
            .should(notDependOnAnAdapterOfAnotherFeature())
            .because("a feature uses another through its public domain types; its web, messaging and persistence"
                    + " adapters are its own business (a web adapter may reuse another feature's web plumbing)");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("fr.esante.medimail.*.(*)..").should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("a feature that needs another is built on it; two features needing each other are one feature");

    @ArchTest
    static final ArchRule entitiesStayInPersistence = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .should().resideInAPackage("..persistence..")
            .allowEmptyShould(true)
            .because("a JPA entity is a persistence adapter's detail");

    /** The rules above, for a caller that wants them as a list (e.g. to check one rule on a class set). */
    public static List<ArchRule> all() {
        return List.of(domainDoesNotDependOnAdapters, domainDoesNotDependOnAdapterTechnologies,
                featuresTalkThroughEachOthersDomainOnly, featuresAreFreeOfCycles, entitiesStayInPersistence);
    }

    /** fr.esante.medimail.&lt;service&gt;.&lt;feature&gt;, its root: the domain. */
    static DescribedPredicate<JavaClass> areDomainClasses() {
        return DescribedPredicate.describe("are domain classes (at the root of a feature package)",
                javaClass -> location(javaClass).map(l -> l.feature() != null && l.adapter() == null).orElse(false));
    }

    private static ArchCondition<JavaClass> notDependOnAnAdapterOfTheirService() {
        return new ArchCondition<>("not depend on an adapter (web, messaging, persistence…) of their service") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String service = location(origin).map(Location::service).orElse("");
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<Location> target = location(dependency.getTargetClass());
                    if (target.isPresent() && target.get().service().equals(service) && target.get().adapter() != null) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notDependOnAnAdapterOfAnotherFeature() {
        return new ArchCondition<>("not depend on the messaging or persistence adapter of another feature,"
                + " nor (outside web adapters) on its web adapter") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<Location> from = location(origin);
                if (from.isEmpty() || from.get().feature() == null) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<Location> to = location(dependency.getTargetClass());
                    if (to.isEmpty() || to.get().feature() == null || to.get().adapter() == null
                            || !to.get().service().equals(from.get().service())
                            || to.get().feature().equals(from.get().feature())) {
                        continue;
                    }
                    boolean webToWeb = "web".equals(to.get().adapter()) && "web".equals(from.get().adapter());
                    if (!webToWeb) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /**
     * Where a class of the project sits: service, feature (null for the service package itself or an adapter package
     * directly below it) and adapter (the first sub-package below the feature, or the adapter package directly below
     * the service; null for the domain and the service package).
     */
    private record Location(String service, String feature, String adapter) {
    }

    private static Optional<Location> location(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(PROJECT)) {
            return Optional.empty();
        }
        String[] parts = name.substring(PROJECT.length()).split("\\.");
        if (parts.length < 2) {
            return Optional.of(new Location(parts[0], null, null));
        }
        if (ADAPTER_NAMES.contains(parts[1])) {
            return Optional.of(new Location(parts[0], null, parts[1]));
        }
        return Optional.of(new Location(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
    }
}
