package org.cartpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of docs/architecture.md, checked by the build: every module declares the modules it may use
 * ({@code allowedDependencies} in its {@code package-info.java}) and {@code verify()} fails on any other arrow; the
 * module table of {@code docs/architecture.md} must name exactly the dependencies the model finds, so it cannot drift.
 */
class ModularityTests {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\| ([^|]*) \\|$", Pattern.MULTILINE);

    private final ApplicationModules modules = ApplicationModules.of(CartpathApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        modules.stream().filter(m -> !m.getName().equals("shared")).forEach(module -> assertThat(
                module.getBasePackage().getAnnotation(org.springframework.modulith.ApplicationModule.class))
                .as(module.getName() + " declares @ApplicationModule(allowedDependencies = …)")
                .hasValueSatisfying(a -> assertThat(a.allowedDependencies()).isNotEmpty()));
    }

    @Test
    void theArchitecturePageNamesEachModulesDependenciesAsTheModelFindsThem() throws IOException {
        Map<String, Set<String>> documented = documented(Files.readString(ARCHITECTURE));
        Map<String, Set<String>> actual = new TreeMap<>();
        for (ApplicationModule module : modules) {
            actual.put(module.getName(), module.getDirectDependencies(modules).uniqueModules()
                    .map(ApplicationModule::getName).filter(name -> !name.equals("shared"))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        String expected = actual.entrySet().stream()
                .map(e -> "`" + e.getKey() + "`: " + (e.getValue().isEmpty() ? "—" : String.join(", ", e.getValue())))
                .collect(Collectors.joining("\n"));
        assertThat(documented).as("docs/architecture.md, table 'Modules', column 'depends on' (shared left out; notes in"
                + " brackets allowed) must be:\n" + expected).isEqualTo(actual);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    static Map<String, Set<String>> documented(String page) {
        Map<String, Set<String>> rows = new TreeMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            String cell = row.group(2).replaceAll("\\([^)]*\\)", "").trim();
            Set<String> names = cell.equals("—") ? new TreeSet<>() : Arrays.stream(cell.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
            rows.put(row.group(1), names);
        }
        return rows;
    }
}
