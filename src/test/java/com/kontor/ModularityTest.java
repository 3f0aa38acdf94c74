package com.kontor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (STYLE.md): each module uses only the modules its {@code package-info.java} allows, only
 * through their public API (their top-level package and named interfaces such as {@code audit :: views}), and no
 * two modules depend on each other in a cycle. Writes the dependency diagrams to target/spring-modulith-docs.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(KontorApplication.class);

    @Test
    void modulesOnlyUseTheModulesTheyDeclareThroughTheirPublicApiAndFormNoCycle() {
        modules.verify();
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    @Test
    void theModulesAreTheOnesStyleDescribes() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrder(
                        "accounting",
                        "api",
                        "audit",
                        "blacklist",
                        "crypto",
                        "customer",
                        "db",
                        "debtor",
                        "demo",
                        "document",
                        "dunning",
                        "embedded",
                        "ledger",
                        "mail",
                        "money",
                        "operation",
                        "psp",
                        "search",
                        "tenancy",
                        "text",
                        "ui");
    }

    @Test
    void nothingButTheDemoGeneratorsImportsTheDemoModule() {
        List<String> dependants = modules.stream()
                .filter(m -> m.getDirectDependencies(modules).containsModuleNamed("demo"))
                .map(m -> m.getIdentifier().toString())
                .toList();
        assertThat(dependants).isEmpty();
    }

    @Test
    void aReachIntoAnotherModulesInternalsOrAnUndeclaredDependencyFailsTheCheck() {
        // the fixture lives among the test classes, which the check of the application leaves out
        ApplicationModules broken = ApplicationModules.of("com.kontor.modularityfixture", location -> true);
        assertThatThrownBy(broken::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Notifications")
                .hasMessageContaining("ledger.internal.Booking")
                .hasMessageContaining("SearchView");
    }
}
