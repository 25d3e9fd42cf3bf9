package org.virtxml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: model ← io ← lint, edit, diff ← apply ← cli; connect never sees the
 * command line; nothing below the command line needs picocli, and nothing but schema checking needs
 * Jing. Each test fails with the offending class and dependency.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.virtxml");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("dom")
                .definedBy("org.virtxml.dom..")
                .layer("json")
                .definedBy("org.virtxml.json..")
                .layer("model")
                .definedBy("org.virtxml.model..")
                .layer("io")
                .definedBy("org.virtxml.io..")
                .layer("lint")
                .definedBy("org.virtxml.lint..")
                .layer("edit")
                .definedBy("org.virtxml.edit..")
                .layer("diff")
                .definedBy("org.virtxml.diff..")
                .layer("coverage")
                .definedBy("org.virtxml.coverage..")
                .layer("assertions")
                .definedBy("org.virtxml.assertions..")
                .layer("connect")
                .definedBy("org.virtxml.connect..")
                .layer("apply")
                .definedBy("org.virtxml.apply..")
                .layer("cli")
                .definedBy("org.virtxml.cli..")
                .whereLayer("dom")
                .mayNotAccessAnyLayer()
                .whereLayer("json")
                .mayNotAccessAnyLayer()
                .whereLayer("model")
                .mayOnlyAccessLayers("dom")
                .whereLayer("io")
                .mayOnlyAccessLayers("dom", "model")
                .whereLayer("lint")
                .mayOnlyAccessLayers("dom", "json", "model", "io")
                .whereLayer("edit")
                .mayOnlyAccessLayers("dom", "json", "model", "io")
                .whereLayer("diff")
                .mayOnlyAccessLayers("dom", "model", "io")
                .whereLayer("coverage")
                .mayOnlyAccessLayers("dom", "json", "model", "io")
                .whereLayer("assertions")
                .mayOnlyAccessLayers("dom", "model", "io", "diff")
                .whereLayer("connect")
                .mayOnlyAccessLayers("dom", "model", "io")
                .whereLayer("apply")
                .mayOnlyAccessLayers("dom", "model", "io", "lint", "diff", "connect")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.virtxml.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.virtxml.model.domain..", "org.virtxml.model.pool..",
                                "org.virtxml.model.volume..", "org.virtxml.model.capabilities..",
                                "org.virtxml.model.network..", "org.virtxml.model.networkport..",
                                "org.virtxml.model.nwfilter..", "org.virtxml.model.nwfilterbinding..",
                                "org.virtxml.model.nodedev..", "org.virtxml.model.secret..",
                                "org.virtxml.model.snapshot..", "org.virtxml.model.checkpoint..",
                                "org.virtxml.model.backup..", "org.virtxml.model.hostinterface..",
                                "org.virtxml.model.domaincaps..", "org.virtxml.model.poolcaps.."))
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.virtxml.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void onlySchemaCheckingUsesJing() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.virtxml.lint.SchemaCheck")
                .and()
                .doNotHaveFullyQualifiedName("org.virtxml.lint.SchemaCheck$Collector")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.thaiopensource..", "net.sf.saxon..")
                .check(classes);
    }

    @Test
    void nothingNeedsAJaxbRuntime() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.glassfish.jaxb..", "com.sun.xml.bind..", "org.jvnet.jaxb..")
                .check(classes);
    }
}
