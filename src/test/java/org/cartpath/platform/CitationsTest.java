package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cartpath.testing.TestSources;
import org.junit.jupiter.api.Test;

/**
 * Every citation a newcomer can follow. Code, configuration, templates and documents may cite files of the
 * repository ({@code docs/clinical/dosing.md}, {@code src/main/resources/catalogue/kymriah.yaml}), ADRs by number
 * ({@code ADR 0016}) and published sources; they may not cite a path that does not exist, the design brief that
 * lives outside the repository, or a tracker issue. (The ADRs may still say which part of the original design brief
 * a decision departs from: they record history.) The clinical rulebook ({@code docs/clinical/}) names, for each
 * rule, the tests that check it: those tests must exist, as {@code HazardLogTest} keeps the hazard log honest.
 *
 * <p>Flyway migrations up to {@link #FROZEN_MIGRATIONS_UP_TO} are not checked for the brief or issues: they are
 * applied in existing databases, and editing one changes its checksum, which Flyway then refuses at start-up.
 */
class CitationsTest {

    /** The last migration applied before the citations were cleaned up; later ones are checked like any file. */
    static final int FROZEN_MIGRATIONS_UP_TO = 120;

    private static final List<Path> ROOTS = List.of(Path.of("src/main"), Path.of("src/test"), Path.of("docs"),
            Path.of("README.md"));
    private static final Set<String> EXTENSIONS = Set.of("java", "yaml", "yml", "html", "sql", "md", "properties");
    private static final Path CLINICAL = Path.of("docs/clinical");

    /** The domain brief's file name, built so that this file does not cite it. */
    static final String BRIEF = "DOMAIN" + ".md";
    /** The design brief, also outside the repository: the code cites docs/architecture.md and the ADRs instead. */
    static final String DESIGN = "DESIGN" + ".md";
    static final Pattern ISSUE = Pattern.compile("(?i)\\bissues?\\s+#?\\d+|\\bthe\\s+issue(?:'s)?\\b");
    static final Pattern REPOSITORY_PATH = Pattern.compile("(?<![\\w/.-])((?:docs|src)/[A-Za-z0-9_./-]*[A-Za-z0-9_])");
    static final Pattern ADR = Pattern.compile("\\bADRs?\\s+(\\d{1,4})\\b");
    static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s#:]+)(?:#[^)]*)?\\)");
    static final Pattern TEST_NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|Tests|IT|Cases))(?:#([a-z][A-Za-z0-9]*))?`");
    /** This file holds made-up citations on purpose, to show that each check can fail. */
    private static final String SELF = "CitationsTest.java";
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void nothingCitesTheDesignBriefThatIsNotInTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            if (frozen(file)) {
                continue;
            }
            eachLine(file, (number, line) -> {
                if (line.contains(BRIEF)) {
                    found.add(file + ":" + number + ": " + line.strip());
                }
            });
        }
        assertThat(found).as("citations of " + BRIEF + ", which is not in the repository: cite docs/clinical/ or the "
                + "published source").isEmpty();
    }

    @Test
    void noCodeConfigurationOrTemplateCitesTheDesignBriefThatIsNotInTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            if (!file.startsWith("src") || frozen(file)) {
                continue;
            }
            eachLine(file, (number, line) -> {
                if (line.contains(DESIGN)) {
                    found.add(file + ":" + number + ": " + line.strip());
                }
            });
        }
        assertThat(found).as("citations of " + DESIGN + ", which is not in the repository: cite docs/architecture.md "
                + "or an ADR").isEmpty();
    }

    @Test
    void noCodeConfigurationOrTemplateCitesATrackerIssue() {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            if (file.startsWith("docs") || file.toString().endsWith(".md") || frozen(file)) {
                continue;
            }
            eachLine(file, (number, line) -> {
                if (ISSUE.matcher(line).find()) {
                    found.add(file + ":" + number + ": " + line.strip());
                }
            });
        }
        assertThat(found).as("citations of tracker issues, which are not in the repository: cite docs/clinical/, "
                + "an ADR or the published source").isEmpty();
    }

    @Test
    void everyRepositoryPathAndAdrThatIsCitedExists() {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Path file : files()) {
            String text = read(file);
            for (String path : repositoryPaths(text)) {
                count++;
                if (!Files.exists(Path.of(path))) {
                    missing.add(file + " cites " + path);
                }
            }
            for (int adr : adrNumbers(text)) {
                count++;
                if (adr(adr).isEmpty()) {
                    missing.add(file + " cites ADR " + adr);
                }
            }
            if (file.toString().endsWith(".md")) {
                for (String link : markdownLinks(text)) {
                    count++;
                    if (!Files.exists(file.toAbsolutePath().getParent().resolve(link).normalize())) {
                        missing.add(file + " links to " + link);
                    }
                }
            }
        }
        assertThat(count).as("citations found").isGreaterThan(200);
        assertThat(missing).as("cited paths and ADRs that do not exist").isEmpty();
    }

    @Test
    void everyClinicalPageGivesItsSourceParametersAndTestsAndTheIndexListsIt() throws IOException {
        String index = read(CLINICAL.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        for (Path page : clinicalPages()) {
            String name = page.getFileName().toString();
            if (!index.contains("(" + name + ")")) {
                problems.add(name + " is not listed in docs/clinical/README.md");
            }
            if (name.equals("dates.md")) {
                continue; // written before the rulebook: a table of rules with a source column
            }
            String text = read(page);
            if (!text.contains("## Source") && !text.contains("**Source:**") && !text.contains("| source |")) {
                problems.add(name + " has no source");
            }
            for (String section : List.of("## Parameters", "## Tests")) {
                if (!text.contains(section)) {
                    problems.add(name + " has no \"" + section + "\"");
                }
            }
            if (!TEST_NAME.matcher(text).find()) {
                problems.add(name + " names no test");
            }
        }
        assertThat(clinicalPages()).as("pages of the clinical rulebook").hasSizeGreaterThanOrEqualTo(14);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTestTheClinicalRulebookNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Path page : clinicalPages()) {
            Matcher names = TEST_NAME.matcher(read(page));
            while (names.find()) {
                count++;
                String testClass = names.group(1);
                String method = names.group(2);
                List<Path> sources = sourcesOf(testClass);
                if (sources.isEmpty()) {
                    missing.add(page.getFileName() + ": " + testClass + " (no such test class)");
                } else if (method != null && sources.stream().noneMatch(s -> declaresTestMethod(read(s), method))) {
                    missing.add(page.getFileName() + ": " + testClass + "#" + method + " (no such test method)");
                }
            }
        }
        assertThat(count).as("tests named by the clinical rulebook").isGreaterThan(40);
        assertThat(missing).as("tests named by docs/clinical/ that do not exist").isEmpty();
    }

    @Test
    void theChecksFindWhatTheyMustRefuse() {
        // Each check above must be able to fail.
        assertThat(repositoryPaths("see docs/clinical/no-such-page.md.")).containsExactly("docs/clinical/no-such-page.md");
        assertThat(Files.exists(Path.of("docs/clinical/no-such-page.md"))).isFalse();
        assertThat(repositoryPaths("https://example.org/docs/x and org/cartpath/src/y")).isEmpty();
        assertThat(adrNumbers("as ADR 0016 and ADR 9999 say")).containsExactly(16, 9999);
        assertThat(adr(16)).isPresent();
        assertThat(adr(9999)).isEmpty();
        assertThat(markdownLinks("[dosing](dosing.md) and [the web](https://example.org)")).containsExactly("dosing.md");
        assertThat(ISSUE.matcher("(issue 7 item 4)").find()).isTrue();
        assertThat(ISSUE.matcher("as the issue asks").find()).isTrue();
        assertThat(ISSUE.matcher("facilities issue chain-of-identity identifiers").find()).isFalse();
        assertThat(("a comment (" + BRIEF + " §4)").contains(BRIEF)).isTrue();
        Matcher test = TEST_NAME.matcher("- `InfusionReadinessTest#theCaseMustBeInLymphodepletion` — and `DoseRangeTest`");
        assertThat(test.find()).isTrue();
        assertThat(test.group(1) + "#" + test.group(2)).isEqualTo("InfusionReadinessTest#theCaseMustBeInLymphodepletion");
        assertThat(sourcesOf("NoSuchTestClassAnywhereTest")).isEmpty();
        assertThat(declaresTestMethod(read(sourcesOf("CitationsTest").get(0)), "noSuchMethodAnywhere")).isFalse();
        assertThat(frozen(Path.of("src/main/resources/db/migration/V10__catalogue_label_versions.sql"))).isTrue();
        assertThat(frozen(Path.of("src/main/resources/db/migration/V145__something_new.sql"))).isFalse();
    }

    static List<String> repositoryPaths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher m = REPOSITORY_PATH.matcher(text);
        while (m.find()) {
            String path = m.group(1);
            while (path.endsWith(".")) {
                path = path.substring(0, path.length() - 1);
            }
            paths.add(path);
        }
        return paths;
    }

    static List<Integer> adrNumbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = ADR.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }

    static List<String> markdownLinks(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = MARKDOWN_LINK.matcher(text);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    static java.util.Optional<Path> adr(int number) {
        String prefix = String.format("%04d-", number);
        try (Stream<Path> adrs = Files.list(Path.of("docs/adr"))) {
            return adrs.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An applied migration: its text is fixed by its checksum. */
    static boolean frozen(Path file) {
        Matcher m = MIGRATION.matcher(file.getFileName().toString());
        return file.toString().replace('\\', '/').contains("db/migration/") && m.matches()
                && Integer.parseInt(m.group(1)) <= FROZEN_MIGRATIONS_UP_TO;
    }

    static boolean declaresTestMethod(String source, String method) {
        return TestSources.declaresTestMethod(source, method);
    }

    static List<Path> sourcesOf(String testClass) {
        return TestSources.of(testClass);
    }

    private static List<Path> clinicalPages() throws IOException {
        try (Stream<Path> pages = Files.list(CLINICAL)) {
            return pages.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }

    private static List<Path> files() {
        Set<Path> files = new TreeSet<>();
        for (Path root : ROOTS) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> EXTENSIONS.contains(extension(p)))
                        .filter(p -> !p.toString().contains("node_modules"))
                        .filter(p -> !p.getFileName().toString().equals(SELF)).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(files);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private interface LineVisitor {
        void visit(int number, String line);
    }

    private static void eachLine(Path file, LineVisitor visitor) {
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            visitor.visit(i + 1, lines[i]);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
