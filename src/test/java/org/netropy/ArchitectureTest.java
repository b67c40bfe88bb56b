package org.netropy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering that the README promises, checked on the sources: the data flow runs
 * task → engines (gd | maxent) → connectivity table → compare → claims, tables and figures, with
 * the CLI and the spec kinds as adapters on top and io, random and linalg as plumbing below.
 *
 * <p>Every package must appear in {@link #ALLOWED}; a new package, or an import that runs back
 * up a layer, fails the test until the matrix (and so the design) is changed on purpose. DL4J
 * and ND4J belong to the gradient-descent engine alone, so that commands that do not train never
 * load the native backend (start-up time, memory, portability); picocli belongs to the CLI.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/netropy");

    /** Package (relative to org.netropy) → the project packages it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("io", Set.of()),
            Map.entry("random", Set.of()),
            // the nonlinearity φ, φ' both engines use (one implementation: the trained network's
            // hidden units and the max-ent gains must be the same function)
            Map.entry("activation", Set.of("io")),
            Map.entry("linalg", Set.of("io")),
            // parameter declarations each engine owns, read by both adapters (specs and the CLI)
            Map.entry("options", Set.of("io")),
            Map.entry("task", Set.of("io", "random", "linalg", "options")),
            Map.entry("connectivity", Set.of("io", "task", "linalg")),
            Map.entry("gd", Set.of("activation", "connectivity", "io", "linalg", "random", "task", "options")),
            Map.entry("maxent", Set.of("activation", "connectivity", "io", "linalg", "random", "task", "options")),
            Map.entry("ei", Set.of("io", "linalg", "random", "options")),
            Map.entry("compare", Set.of("connectivity", "io", "linalg", "maxent", "random", "task", "options")),
            Map.entry("experiment", Set.of("io", "random", "options")),
            Map.entry("report", Set.of("compare", "connectivity", "experiment", "io", "linalg", "task", "options")),
            Map.entry("claims", Set.of("experiment", "io", "report", "options")),
            Map.entry("experiment.kinds", Set.of("activation", "compare", "connectivity", "ei", "experiment", "gd", "io", "linalg", "maxent",
                    "random", "task", "report", "options")),
            Map.entry("cli", Set.of("activation", "claims", "compare", "connectivity", "ei", "experiment", "experiment.kinds", "gd", "io",
                    "linalg", "maxent", "random", "report", "task", "options")));

    /** External libraries confined to one or a few packages. */
    private static final Map<String, Set<String>> CONFINED = Map.of(
            "org.nd4j", Set.of("gd"),
            "org.deeplearning4j", Set.of("gd"),
            "picocli", Set.of("cli"));

    private static final Pattern PROJECT_IMPORT = Pattern.compile("^import (?:static )?org\\.netropy\\.([a-z.]+?)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("\\borg\\.netropy\\.([a-z.]+?)\\.[A-Z]");

    @Test
    void everyPackageImportsOnlyWhatTheLayeringAllows() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                offences.add(pkg + " (" + file + ") is not in the layering matrix of ArchitectureTest");
                continue;
            }
            String src = withoutComments(Files.readString(file));
            Matcher m = PROJECT_REFERENCE.matcher(src);
            Set<String> used = new TreeSet<>();
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String target : used) {
                if (!target.equals(pkg) && !allowed.contains(target)) {
                    offences.add(file + " uses org.netropy." + target + " (" + pkg + " may use " + new TreeSet<>(allowed) + ")");
                }
            }
        }
        assertTrue(offences.isEmpty(), String.join("\n", offences));
    }

    @Test
    void nativeBackendAndCliLibraryStayInTheirPackages() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            String src = Files.readString(file);
            CONFINED.forEach((library, owners) -> {
                if (!owners.contains(pkg) && Pattern.compile("\\b" + Pattern.quote(library) + "\\.").matcher(src).find()) {
                    offences.add(file + " uses " + library + " (only " + owners + " may)");
                }
            });
        }
        assertTrue(offences.isEmpty(), String.join("\n", offences));
    }

    /**
     * Engines produce, the comparator reads: {@code compare} receives max-ent laws (solutions
     * wrapped as population models) and never solves one; which σ a table is compared with is
     * the max-ent package's policy ({@code maxent.ReferenceScales}, THEORY §5).
     */
    @Test
    void theComparatorNeverSolvesAMaxEntProblem() throws IOException {
        assertNoMatch(pkg -> pkg.equals("compare"),
                Pattern.compile("\\b(MaxEntSolver|NormMatchedScale|SolverSettings|ReferenceScales|MaxEntProblem\\s*\\.\\s*of)\\b"),
                "uses %s");
    }

    /**
     * Only gd reads gd's output files: loss.csv, metrics.json and the neuron tables of a gd run
     * folder are opened through {@code gd.GdRunFolder} (which knows their names and formats),
     * never by a name typed elsewhere.
     */
    @Test
    void onlyGdOpensTheFilesOfAGdRunFolder() throws IOException {
        assertNoMatch(pkg -> !pkg.equals("gd"),
                Pattern.compile("\\.resolve\\(\\s*\"(metrics\\.json|loss\\.csv|neurons\\.csv|neurons_init\\.csv)\""),
                "opens %s itself (use gd.GdOutput.read)");
    }

    /** Fails naming every match of {@code pattern} (group 1 in {@code what}) in the code of the selected packages. */
    private static void assertNoMatch(java.util.function.Predicate<String> packages, Pattern pattern, String what) throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : sources()) {
            if (packages.test(packageOf(file))) {
                Matcher m = pattern.matcher(withoutComments(Files.readString(file)));
                while (m.find()) {
                    offences.add(file + " " + String.format(what, m.group(1)));
                }
            }
        }
        assertTrue(offences.isEmpty(), String.join("\n", offences));
    }

    /** The matrix itself respects the data flow: no package may import a package that imports it back. */
    @Test
    void theMatrixHasNoCycles() {
        for (var e : ALLOWED.entrySet()) {
            for (String target : e.getValue()) {
                assertTrue(!ALLOWED.getOrDefault(target, Set.of()).contains(e.getKey()),
                        e.getKey() + " and " + target + " may import each other");
            }
        }
    }

    /** The pattern finds imports and fully qualified uses alike (checked on a known line). */
    @Test
    void referencePatternFindsImportsAndQualifiedNames() {
        assertTrue(PROJECT_IMPORT.matcher("import org.netropy.experiment.kinds.GdParameters;").find());
        Matcher m = PROJECT_REFERENCE.matcher("x = org.netropy.experiment.RunKinds.TABLE_COLUMNS;");
        assertTrue(m.find() && m.group(1).equals("experiment"));
        Matcher k = PROJECT_REFERENCE.matcher("import org.netropy.experiment.kinds.GdParameters;");
        assertTrue(k.find() && k.group(1).equals("experiment.kinds"));
    }

    /** The code without its comments: a Javadoc link to another package is not a dependency. */
    private static String withoutComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.getParent().equals(MAIN)).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        Path dir = MAIN.relativize(file.getParent());
        String pkg = dir.toString().replace(java.io.File.separatorChar, '.');
        if (pkg.isEmpty()) {
            throw new UncheckedIOException(new IOException(file + " is outside every package"));
        }
        return pkg;
    }
}
