package org.netropy.experiment;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The version of the code that computes a run: the git commit of the checkout the classes were
 * built from (and whether it had uncommitted changes), else the release version.
 *
 * <p>The commit is part of every run's hash, so results of older code are never reused silently
 * (Nextflow's {@code -resume} rule). Uncommitted changes are recorded but do not change the hash:
 * while editing code, run into a fresh {@code --results} folder or commit first.
 *
 * @param commit  the full git commit, or null outside a git checkout
 * @param dirty   true if tracked files outside results/ had uncommitted changes
 * @param version the release version (from the jar manifest, else the build's version)
 */
public record CodeVersion(String commit, boolean dirty, String version) {
    private static final String RELEASE = "0.1.0-SNAPSHOT";
    private static CodeVersion current;

    /** The string hashed into every run key: the commit if known, else "netropy-" + version. */
    public String key() {
        return commit != null ? commit : "netropy-" + version;
    }

    /** Detects the version once per process (two git calls). */
    public static synchronized CodeVersion current() {
        if (current == null) {
            current = detect();
        }
        return current;
    }

    private static CodeVersion detect() {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        String version = v == null ? RELEASE : v;
        Path where = codeLocation();
        if (where == null) {
            return new CodeVersion(null, false, version);
        }
        String commit = git(where, "rev-parse", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            return new CodeVersion(null, false, version);
        }
        // results/ holds outputs, not code: regenerating kept tables must not mark the code as changed.
        String status = git(where, "status", "--porcelain", "--untracked-files=no", "--", ":(top)", ":(top,exclude)results");
        return new CodeVersion(commit, status == null || !status.isBlank(), version);
    }

    private static Path codeLocation() {
        try {
            Path p = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (Exception e) {
            return null;
        }
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Artifacts whose versions provenance records (when they are on the class path). */
    private static final List<String> LIBRARIES = List.of("deeplearning4j-core", "nd4j-native", "smile-core",
            "jackson-databind", "jackson-dataformat-yaml", "picocli", "commons-csv", "jfreechart", "org.jfree.svg", "graphics2d", "progressbar");

    /**
     * Versions of the main libraries, read from the names of the jars on the class path
     * ({@code jfreechart-1.5.5.jar}); cheap and without loading any library class.
     */
    public static synchronized Map<String, String> dependencyVersions() {
        if (dependencies == null) {
            dependencies = Map.copyOf(scanDependencyVersions());
        }
        return new TreeMap<>(dependencies);
    }

    private static Map<String, String> dependencies;

    private static Map<String, String> scanDependencyVersions() {
        Map<String, String> versions = new TreeMap<>();
        Pattern jar = Pattern.compile(".*/([A-Za-z0-9_.-]+?)-(\\d[A-Za-z0-9_.-]*?)(-[a-z]+-x86_64|-[a-z]+-arm64)?\\.jar!/.*");
        try {
            Enumeration<URL> manifests = CodeVersion.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                Matcher m = jar.matcher(manifests.nextElement().toString());
                if (m.matches() && LIBRARIES.contains(m.group(1))) {
                    versions.put(m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            // versions unknown: left out
        }
        return versions;
    }
}
