package cn.yibao.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Modules (direct sub-packages of cn.yibao.portal) form no cycle, and business rules stay free of framework code. */
@AnalyzeClasses(packages = "cn.yibao.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesFormNoCycle = slices().matching("cn.yibao.portal.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainCodeIsPlainJava = noClasses().that().resideInAPackage("cn.yibao.portal..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "io.r2dbc..", "io.netty..", "org.reactivestreams..",
                    "tools.jackson..", "com.fasterxml..", "java.sql..", "javax.sql..")
            .because("rules are synchronous functions of values; the reactive code only loads and stores");

    @ArchTest
    static final ArchRule domainCodeDoesNotReachIntoApplicationLayers = noClasses()
            .that().resideInAPackage("cn.yibao.portal..domain..")
            // javax.crypto: the JDK's HMAC for signing codes; org.bouncycastle: the e-voucher's SM2/SM3/SM4 (its
            // lightweight API, no provider registered). Both pure computation without I/O.
            .should().dependOnClassesThat().resideOutsideOfPackages("cn.yibao.portal..domain..", "java..",
                    "javax.crypto..", "org.bouncycastle..");
}
