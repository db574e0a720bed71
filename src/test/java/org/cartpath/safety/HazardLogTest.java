package org.cartpath.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.testing.TestSources;
import org.junit.jupiter.api.Test;

/**
 * The hazard log ({@code docs/safety/hazard-log.md}, DCB0129) names, for each control, the test that proves it. This
 * test keeps that evidence real: every hazard names at least one test, and every test it names exists as a test
 * method in {@code src/test/java}.
 */
class HazardLogTest {

    private static final Path LOG = Path.of("docs/safety/hazard-log.md");
    private static final Pattern HAZARD = Pattern.compile("^### (H-\\d{2}) (.+)$");
    static final Pattern TEST_REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

    @Test
    void everyHazardNamesAtLeastOneTestAndHasCausesEffectAndARating() {
        Map<String, String> hazards = hazards(read(LOG));
        assertThat(hazards).as("hazards in the log").hasSizeGreaterThanOrEqualTo(10);
        hazards.forEach((id, text) -> {
            assertThat(TEST_REFERENCE.matcher(text).find()).as(id + " names a test").isTrue();
            assertThat(text).as(id).contains("**Causes:**", "**Severity:**", "**Initial rating:**", "**Residual:**");
        });
    }

    @Test
    void everyTestTheLogNamesExistsAsATestMethod() {
        List<String> missing = new ArrayList<>();
        Matcher references = TEST_REFERENCE.matcher(read(LOG));
        int count = 0;
        while (references.find()) {
            count++;
            String testClass = references.group(1);
            String method = references.group(2);
            Optional<Path> source = sourceOf(testClass);
            if (source.isEmpty()) {
                missing.add(testClass + " (no such test class)");
            } else if (!declaresTestMethod(read(source.get()), method)) {
                missing.add(testClass + "#" + method + " (no such test method)");
            }
        }
        assertThat(count).as("test references in the log").isGreaterThan(20);
        assertThat(missing).as("tests named by the hazard log that do not exist").isEmpty();
    }

    @Test
    void theCheckFindsAReferenceThatDoesNotExist() {
        // The check above must be able to fail: a made-up method of a real class and a made-up class are both missing.
        assertThat(declaresTestMethod(read(sourceOf("HazardLogTest").orElseThrow()), "noSuchMethodAnywhere")).isFalse();
        assertThat(declaresTestMethod(read(sourceOf("HazardLogTest").orElseThrow()),
                "everyTestTheLogNamesExistsAsATestMethod")).isTrue();
        assertThat(sourceOf("NoSuchTestClassAnywhereIT")).isEmpty();
        Matcher m = TEST_REFERENCE.matcher("proved by `ShipmentIT#aBagThatWasNotCheckedByTwoPeopleCannotBeShipped`.");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1) + "#" + m.group(2)).isEqualTo("ShipmentIT#aBagThatWasNotCheckedByTwoPeopleCannotBeShipped");
    }

    static boolean declaresTestMethod(String source, String method) {
        return TestSources.declaresTestMethod(source, method);
    }

    static Optional<Path> sourceOf(String testClass) {
        return TestSources.of(testClass).stream().findFirst();
    }

    private static Map<String, String> hazards(String log) {
        Map<String, String> hazards = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : log.split("\n")) {
            Matcher heading = HAZARD.matcher(line);
            if (heading.matches() || line.startsWith("## ")) {
                if (current != null) {
                    hazards.put(current, text.toString());
                }
                current = heading.matches() ? heading.group(1) : null;
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            hazards.put(current, text.toString());
        }
        return hazards;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
