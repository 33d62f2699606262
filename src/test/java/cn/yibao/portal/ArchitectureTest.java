package cn.yibao.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * Modules (direct sub-packages of cn.yibao.portal) are used by each other only through their API, form no cycle, and
 * business rules stay free of framework code (docs/adr/0009).
 *
 * <p>A module's API is the module package itself ({@code cn.yibao.portal.<module>}: services and beans) and its
 * {@code api} package ({@code cn.yibao.portal.<module>.api..}: plain values). Values that many modules share live in
 * the module {@code shared}, which anyone may use and which uses no other module.
 */
@AnalyzeClasses(packages = "cn.yibao.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "cn.yibao.portal";
    private static final String SHARED = "shared";

    /** Packages that hold plain Java only: rules, the values modules publish, and the shared values. */
    private static final String[] PLAIN_JAVA = {"cn.yibao.portal..domain..", "cn.yibao.portal.*.api..",
            "cn.yibao.portal.shared.."};

    @ArchTest
    static final ArchRule modulesFormNoCycle = slices().matching("cn.yibao.portal.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule modulesUseEachOtherOnlyThroughTheirApi = classes().that().resideInAPackage("cn.yibao.portal.*..")
            .should(useOtherModulesOnlyThroughTheirApi())
            .because("a module promises to keep only its package's public types, its api package and shared values; "
                    + "its domain, web and the rest may change without telling anyone");

    @ArchTest
    static final ArchRule sharedValuesUseNoModule = noClasses().that().resideInAPackage("cn.yibao.portal.shared..")
            .should().dependOnClassesThat().resideOutsideOfPackages("cn.yibao.portal.shared..", "java..")
            .because("values every module shares cannot depend on any one module");

    @ArchTest
    static final ArchRule domainCodeIsPlainJava = noClasses().that().resideInAnyPackage(PLAIN_JAVA)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "io.r2dbc..", "io.netty..", "org.reactivestreams..",
                    "tools.jackson..", "com.fasterxml..", "java.sql..", "javax.sql..")
            .because("rules are synchronous functions of values; the reactive code only loads and stores");

    @ArchTest
    static final ArchRule domainCodeDoesNotReachIntoApplicationLayers = noClasses()
            .that().resideInAnyPackage(PLAIN_JAVA)
            // javax.crypto: the JDK's HMAC for signing codes; org.bouncycastle: the e-voucher's SM2/SM3/SM4 (its
            // lightweight API, no provider registered). Both pure computation without I/O.
            .should().dependOnClassesThat().resideOutsideOfPackages("cn.yibao.portal..domain..",
                    "cn.yibao.portal.*.api..", "cn.yibao.portal.shared..", "java..", "javax.crypto..",
                    "org.bouncycastle..");

    private static ArchCondition<JavaClass> useOtherModulesOnlyThroughTheirApi() {
        return new ArchCondition<>("use other modules only through their API") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = moduleOf(origin.getPackageName()).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String targetPackage = target.getPackageName();
                    Optional<String> to = moduleOf(targetPackage);
                    if (to.isEmpty() || to.get().equals(from) || isApi(to.get(), targetPackage)) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, "[" + from + " -> " + target.getName() + "] "
                            + dependency.getDescription()));
                }
            }
        };
    }

    /** The module a package belongs to: the first name below cn.yibao.portal; none for the root and outside it. */
    private static Optional<String> moduleOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isApi(String module, String packageName) {
        String modulePackage = ROOT + "." + module;
        return module.equals(SHARED) || packageName.equals(modulePackage) || packageName.equals(modulePackage + ".api")
                || packageName.startsWith(modulePackage + ".api.");
    }
}
