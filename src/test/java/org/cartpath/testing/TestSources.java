package org.cartpath.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test sources as text, for the documents that name tests (the hazard log, the clinical rulebook): whether a
 * named test class and test method exist, so that a document cannot point at a test that was renamed or removed.
 */
public final class TestSources {

    private static final Path TESTS = Path.of("src/test/java");

    private TestSources() {
    }

    /** The source files of every test class with this simple name (usually one). */
    public static List<Path> of(String testClass) {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.getFileName().toString().equals(testClass + ".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A method declared with a JUnit or jqwik test annotation somewhere above it. */
    public static boolean declaresTestMethod(String source, String method) {
        Matcher declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(source);
        if (!declaration.find()) {
            return false;
        }
        String before = source.substring(Math.max(0, declaration.start() - 400), declaration.start());
        return before.contains("@Test") || before.contains("@Property") || before.contains("@ParameterizedTest")
                || before.contains("@Example");
    }
}
