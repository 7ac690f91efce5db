package ai.andy.email;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout of every Andy service, enforced: rest → service → repository/provider/client, messaging → service,
 * nothing imports rest or messaging, no package cycles. The root package holds the domain types every layer shares
 * and depends on none of them; {@code api} holds the records the service speaks, so it belongs to the service layer.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ai.andy.email");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("ai.andy.email.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy("ai.andy.email.rest..")
                .layer("Messaging").definedBy("ai.andy.email.messaging..")
                .layer("Service").definedBy("ai.andy.email.service..", "ai.andy.email.api..")
                .layer("Repository").definedBy("ai.andy.email.repository..")
                .layer("Provider").definedBy("ai.andy.email.provider..")
                .layer("Client").definedBy("ai.andy.email.client..")
                .layer("Config").definedBy("ai.andy.email.config..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Messaging")
                // The local mailbox is the one provider whose mail store is Andy's own database.
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service", "Provider")
                .whereLayer("Provider").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Service")
                .check(MAIN);
    }

    @Test
    void onlyTheLocalMailboxReachesTheDatabase() {
        noClasses().that().resideInAPackage("ai.andy.email.provider..")
                .and().resideOutsideOfPackage("ai.andy.email.provider.local..")
                .should().dependOnClassesThat().resideInAPackage("ai.andy.email.repository..")
                .check(MAIN);
    }

    @Test
    void domainTypesDependOnNoLayer() {
        noClasses().that().resideInAPackage("ai.andy.email")
                .should().dependOnClassesThat().resideInAPackage("ai.andy.email.(*)..")
                .check(MAIN);
    }
}
