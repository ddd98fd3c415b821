package org.suyuan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The structure STYLE.md promises, checked rather than hoped for. */
class ArchitectureTests {

    private static final JavaClasses SUYUAN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.suyuan");

    @Test
    void onlyTheFabricAdapterTouchesFabric() {
        // The contract itself (org.suyuan.chaincode) is Fabric code; it is on the test classpath for the emulator.
        noClasses()
                .that()
                .resideOutsideOfPackages("org.suyuan.ledger.fabric..", "org.suyuan.chaincode..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.hyperledger..", "io.grpc..")
                .check(SUYUAN);
    }

    @Test
    void onlyTheDatabaseModuleUsesJpa() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.suyuan.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..")
                .check(SUYUAN);
    }

    @Test
    void theLibraryModulesDoNotKnowSpring() {
        noClasses()
                .that()
                .resideInAnyPackage("org.suyuan.ledger..", "org.suyuan.qr..", "org.suyuan.chaincode..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(SUYUAN);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.suyuan.(*)..").should().beFreeOfCycles().check(SUYUAN);
    }
}
