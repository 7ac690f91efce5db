package ai.andy.chat.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * chat-service's layout keeps one direction: rest → service → repository / client / assistant; messaging → service;
 * nothing uses rest or messaging. No package depends on itself through others. Checked on the compiled main classes.
 */
@AnalyzeClasses(packages = "ai.andy.chat", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("ai.andy.chat.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("rest").definedBy("ai.andy.chat.rest..")
            .layer("messaging").definedBy("ai.andy.chat.messaging..")
            .layer("service").definedBy("ai.andy.chat.service..")
            .layer("repository").definedBy("ai.andy.chat.repository..")
            .layer("client").definedBy("ai.andy.chat.client..")
            .layer("assistant").definedBy("ai.andy.chat.assistant..")
            .layer("intent").definedBy("ai.andy.chat.intent..")
            .layer("config").definedBy("ai.andy.chat.config..")
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "messaging")
            .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
            .whereLayer("assistant").mayOnlyBeAccessedByLayers("service")
            .whereLayer("client").mayOnlyBeAccessedByLayers("service", "assistant")
            .whereLayer("intent").mayOnlyBeAccessedByLayers("service", "assistant", "client")
            .whereLayer("config").mayOnlyBeAccessedByLayers("service", "assistant", "client", "repository",
                    "messaging");
}
