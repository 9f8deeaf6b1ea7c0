package dev.allowlist.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.junit.jupiter.api.Test;

/**
 * The rules the code keeps (docs/architecture.md). A feature's pure part lives in its {@code core}
 * package and imports no framework, so that it is tested in milliseconds and reads without one; the
 * pure classes that predate the {@code core} packages are held to the same rule by name until they
 * move there. Packages depend on each other one way only, and pages read the database through
 * services.
 */
class ArchitectureTest {

    private static final String[] FRAMEWORKS = { "jakarta..", "javax.persistence..", "io.quarkus..", "org.hibernate..",
            "io.vertx..", "io.smallrye..", "org.eclipse.microprofile..", "io.agroal.." };

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.allowlist.portal");

    @Test
    void corePackagesImportNoFramework() {
        noClasses().that().resideInAPackage("dev.allowlist.portal..core..").should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS).because("a feature's core is plain Java").check(PORTAL);
    }

    @Test
    void thePureRulesOutsideTheCorePackagesImportNoFrameworkEither() {
        noClasses().that().haveFullyQualifiedName("dev.allowlist.portal.allowlist.AllowlistGenerator")
                .or().haveFullyQualifiedName("dev.allowlist.portal.catalog.CatalogParser")
                .or().haveFullyQualifiedName("dev.allowlist.portal.customer.InstallerLogParser")
                .or().haveFullyQualifiedName("dev.allowlist.portal.audit.HashChain")
                .or().haveFullyQualifiedName("dev.allowlist.portal.export.ExportFormats")
                // the domain records the cores read (an allowlist, its entries, a domain name)
                .or().haveFullyQualifiedName("dev.allowlist.portal.allowlist.Allowlist")
                .or().haveFullyQualifiedName("dev.allowlist.portal.allowlist.AllowlistEntry")
                .or().haveFullyQualifiedName("dev.allowlist.portal.catalog.DomainName")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the generator, the parsers, the hash chain, the export formats and the domain records they "
                        + "share are plain Java").check(PORTAL);
    }

    /**
     * Every package is a slice: {@code customer} (the customer, its hosts and installer logs) lies under
     * {@code allowlist}, which lies under {@code export} and {@code check}; the customer's pages
     * ({@code customer.page}) and JSON ({@code customer.api}), which show all of them, lie above.
     */
    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.allowlist.portal.(**)").should().beFreeOfCycles().check(PORTAL);
    }

    @Test
    void resourcesDoNotQueryEntitiesThemselves() {
        noClasses().that().haveSimpleNameEndingWith("Resource").should(callAnEntitysStaticFinder())
                .because("a page or an API resource asks a service, which holds the transaction and the rules")
                .check(PORTAL);
    }

    private static ArchCondition<JavaClass> callAnEntitysStaticFinder() {
        return new ArchCondition<>("call a Panache entity's static finder") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (JavaMethodCall call : resource.getMethodCallsFromSelf()) {
                    boolean entity = call.getTargetOwner().isAssignableTo(PanacheEntityBase.class);
                    boolean isStatic = call.getTarget().resolveMember()
                            .map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(true);
                    if (entity && isStatic) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
