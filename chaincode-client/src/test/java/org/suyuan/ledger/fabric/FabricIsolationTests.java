package org.suyuan.ledger.fabric;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Fabric and gRPC stay behind the ledger port: in the ledger module, only this package may use them. */
class FabricIsolationTests {

    private final JavaClasses ledgerClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.suyuan.ledger");

    @Test
    void onlyTheFabricAdapterUsesFabricOrGrpcTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.suyuan.ledger.fabric..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.hyperledger..", "io.grpc..")
                .check(ledgerClasses);
    }
}
