package dev.allowlist.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules the code keeps (docs/architecture.md). A feature's pure part lives in its {@code core}
 * package and imports no framework, so that it is tested in milliseconds and reads without one.
 * Packages depend on each other one way only, every query lives in a repository, every route says
 * who may call it, and pages read the database through services.
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

    /**
     * Every package is a slice: {@code customer} (the customer, its hosts and installer logs) lies under
     * {@code allowlist}, which lies under {@code export} and {@code check}; the customer's pages
     * ({@code customer.page}) and JSON ({@code customer.api}), which show all of them, lie above.
     */
    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.allowlist.portal.(**)").should().beFreeOfCycles().check(PORTAL);
    }

    /**
     * Who may call a route is declared on it, or on its class, once: {@code @RolesAllowed} with a
     * {@code PortalRoles} role, {@code @Authenticated}, or {@code @PermitAll} for the routes a token in
     * the path or the request authorises (feeds, check reports, unsubscribe links). No service checks
     * a role by hand.
     */
    @Test
    void everyRouteDeclaresWhoMayCallIt() {
        methods().that().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
                .or().areAnnotatedWith(DELETE.class).or().areAnnotatedWith(PATCH.class)
                .should(declareWhoMayCallIt()).check(PORTAL);
        noClasses().should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a role check by hand") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getName().startsWith("require") && call.getTargetOwner().getName().endsWith(".CurrentMember");
            }
        }).check(PORTAL);
    }

    private static ArchCondition<JavaMethod> declareWhoMayCallIt() {
        List<Class<? extends Annotation>> declarations = List.of(RolesAllowed.class, PermitAll.class, Authenticated.class);
        return new ArchCondition<>("declare @RolesAllowed, @Authenticated or @PermitAll on itself or its class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean declared = declarations.stream().anyMatch(a -> method.isAnnotatedWith(a)
                        || method.getOwner().isAnnotatedWith(a));
                if (!declared) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " declares no access"));
                }
            }
        };
    }

    @Test
    void resourcesDoNotQueryEntitiesThemselves() {
        noClasses().that().haveSimpleNameEndingWith("Resource").should(callAnEntitysStaticFinder())
                .because("a page or an API resource asks a service, which holds the transaction and the rules")
                .check(PORTAL);
    }

    /**
     * Every query of a feature lives in its repository: one place to read its SQL, to see which partner
     * it names, and to index it. Two classes send statements that are not a feature's queries but the
     * connection's own settings, and are named here as such; no other class may join them.
     */
    @Test
    void queriesLiveInRepositories() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .and(notOneOf(CONNECTION_SETTINGS))
                .should(query())
                .because("a feature's queries live in its repository").check(PORTAL);
    }

    /** Statements about the connection itself, not data: where they are is the point of the class. */
    private static final String[] CONNECTION_SETTINGS = {
            "dev.allowlist.portal.allowlist.ChangeListener", // LISTEN portal_changes, on a connection of its own
            "dev.allowlist.portal.partner.TenantConnections", // set_config: the partner row-level security sees
    };

    private static DescribedPredicate<JavaClass> notOneOf(String[] names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("not a connection's own settings",
                c -> !set.contains(c.getName().replaceAll("\\$.*", "")));
    }

    private static ArchCondition<JavaClass> query() {
        return new ArchCondition<>("run a query (JPQL, native SQL, JDBC or an entity's static finder)") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                for (JavaMethodCall call : owner.getMethodCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    String name = call.getName();
                    boolean jpa = target.isAssignableTo(EntityManager.class)
                            && name.startsWith("create") && name.endsWith("Query");
                    boolean jdbc = target.isAssignableTo(Connection.class)
                            && (name.equals("prepareStatement") || name.equals("createStatement")
                                    || name.equals("prepareCall"));
                    boolean finder = target.isAssignableTo(PanacheEntityBase.class) && call.getTarget().resolveMember()
                            .map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(true);
                    if (jpa || jdbc || finder) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
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
