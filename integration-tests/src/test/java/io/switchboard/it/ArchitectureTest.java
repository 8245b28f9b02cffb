package io.switchboard.it;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked on every build. */
class ArchitectureTest {

    private static final String HUB = "io.switchboard..";
    private static final String CORE = "io.switchboard.core..";
    private static final String INBOX = "io.switchboard.inbox..";

    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchboard");
    }

    @Test
    void everyModuleIsChecked() {
        assertThat(hub.containPackage("io.switchboard.core.routing")).isTrue();
        assertThat(hub.containPackage("io.switchboard.inbox")).isTrue();
        assertThat(hub.containPackage("io.switchboard.webchat")).isTrue();
    }

    @Test
    void theCanonicalModelIsPlainJava() {
        classes().that().resideInAPackage("io.switchboard.core.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.switchboard.core.model..")
                .because("the model is plain records with no Spring, Camel or Jakarta import")
                .check(hub);
    }

    @Test
    void theConnectorSpiIsFrameworkFree() {
        classes().that().resideInAPackage("io.switchboard.core.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.switchboard.core.model..",
                        "io.switchboard.core.spi..")
                .check(hub);
    }

    @Test
    void coreRoutingImportsNoConnectorAndNotTheInbox() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat(resideInAPackage(HUB).and(not(resideInAPackage(CORE))))
                .because("core-routing is the bottom layer: connectors and the inbox build on it")
                .check(hub);
    }

    @Test
    void connectorsNeverImportTheInbox() {
        noClasses().that().resideInAPackage(HUB).and().resideOutsideOfPackages(CORE, INBOX)
                .should().dependOnClassesThat().resideInAPackage(INBOX)
                .because("a connector meets the inbox only on the bus")
                .check(hub);
    }

    @Test
    void theInboxNeverImportsAConnector() {
        noClasses().that().resideInAPackage(INBOX)
                .should().dependOnClassesThat(resideInAPackage(HUB).and(not(resideInAnyPackage(CORE, INBOX))))
                .because("connectors are switched on by config and reached only through the core SPI")
                .check(hub);
    }
}
