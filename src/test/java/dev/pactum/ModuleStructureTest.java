package dev.pactum;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages stand on each other one way (see README, "How it is built"): a cycle between features, or
 * a feature reaching into another's internal sub-package, fails the build. Also writes the module diagrams
 * (PlantUML, C4 style) and a module canvas per feature to {@code target/spring-modulith-docs/}.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PactumApplication.class);

    @Test
    void featuresDependOnEachOtherOneWayOnly() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
