package io.musicsync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure, checked on the compiled classes: a neutral domain at the bottom, no cycles between
 * components, and Spotify reached only through the domain's ports.
 */
class PackageStructureTest {

    private static JavaClasses ours;

    @BeforeAll
    static void importClasses() {
        ours = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.musicsync");
    }

    @Test
    void componentsHaveNoCycles() {
        slices().matching("io.musicsync.(*)..").should().beFreeOfCycles().check(ours);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        classes()
                .that()
                .resideInAPackage("io.musicsync.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.musicsync.domain..", "java..")
                .check(ours);
    }

    @Test
    void onlyTheCompositionRootAndTheCommandsKnowSpotify() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.musicsync.domain..",
                        "io.musicsync.sync..",
                        "io.musicsync.matching..",
                        "io.musicsync.songtext..",
                        "io.musicsync.ai..",
                        "io.musicsync.activities..",
                        "io.musicsync.engine..",
                        "io.musicsync.store..",
                        "io.musicsync.api..",
                        "io.musicsync.mcp..",
                        "io.musicsync.library..",
                        "io.musicsync.importer..",
                        "io.musicsync.imports..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.musicsync.spotify..")
                .check(ours);
    }

    /** Reading a library file is plain parsing: it knows songs (the domain) and nothing of syncs or services. */
    @Test
    void libraryReadersKnowOnlyTheDomain() {
        classes()
                .that()
                .resideInAPackage("io.musicsync.library..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.musicsync.library..",
                        "io.musicsync.domain..",
                        "java..",
                        "javax.xml.stream..",
                        "org.apache.commons.csv..")
                .check(ours);
    }

    /**
     * The import contract is engine-neutral: both engines implement it and the API, CLI and MCP use it, so it knows
     * songs and library rows and nothing of syncs, engines or services.
     */
    @Test
    void theImportContractKnowsNoEngine() {
        classes()
                .that()
                .resideInAPackage("io.musicsync.imports..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.musicsync.imports..",
                        "io.musicsync.library..",
                        "io.musicsync.domain..",
                        "java..",
                        "com.fasterxml.jackson.annotation..")
                .check(ours);
    }

    @Test
    void theHttpApiServesTheMcpEndpointWithoutKnowingIt() {
        noClasses()
                .that()
                .resideInAPackage("io.musicsync.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.musicsync.mcp..")
                .check(ours);
    }

    @Test
    void theEnginesAreIndependentAdaptersOfTheSameCore() {
        slices().matching("io.musicsync.engine.(*)..")
                .should()
                .notDependOnEachOther()
                .check(ours);
    }

    @Test
    void theSimulatorIsAServerOfItsOwn() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.musicsync.simulator..", "io.musicsync.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.musicsync.simulator..")
                .check(ours);
        noClasses()
                .that()
                .resideInAPackage("io.musicsync.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.musicsync.spotify..",
                        "io.musicsync.sync..",
                        "io.musicsync.engine..",
                        "io.musicsync.matching..")
                .check(ours);
    }

    @Test
    void onlyTheMetricsEdgeKnowsMicrometer() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.musicsync.domain..",
                        "io.musicsync.sync..",
                        "io.musicsync.matching..",
                        "io.musicsync.ai..",
                        "io.musicsync.activities..",
                        "io.musicsync.engine..",
                        "io.musicsync.store..",
                        "io.musicsync.spotify..",
                        "io.musicsync.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.micrometer..", "io.musicsync.metrics..")
                .check(ours);
    }
}
