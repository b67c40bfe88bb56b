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
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The version of the code that computes a run. Its {@link #key()} is what makes a run's content
 * key depend on the code: a SHA-256 of the compiled classes and resources the build produced
 * (every file under the class folder, or every entry of the jar), not the git commit, so a commit
 * that touches only documentation, results, notebooks or tests reuses every run while any change
 * to what the build compiles recomputes them (Nextflow's {@code -resume} rule, with the code as
 * content). The key also holds the environment settings that change results: the thread count of
 * the native linear algebra ({@code OMP_NUM_THREADS}; reductions in another order round
 * differently). Provenance still records the git commit and whether the tree was dirty.
 *
 * @param commit  the full git commit, or null outside a git checkout
 * @param dirty   true if tracked files outside results/ had uncommitted changes
 * @param version the release version (from the jar manifest, else the build's version)
 * @param classes SHA-256 of the compiled code (see {@link #hashOfCode(Path)}), or null if unknown
 */
public record CodeVersion(String commit, boolean dirty, String version, String classes) {
    private static final String RELEASE = "0.1.0-SNAPSHOT";
    private static CodeVersion current;

    /** Environment variables whose values change results; their values are part of every run key. */
    public static final List<String> RESULT_ENVIRONMENT = List.of("OMP_NUM_THREADS");

    /**
     * The string hashed into every run key: "classes-" + the first 16 hex digits of the code's hash
     * (else "netropy-" + version), then each of {@link #RESULT_ENVIRONMENT} as name=value ("unset").
     */
    public String key() {
        return key(System.getenv());
    }

    /** {@link #key()} for a given environment. */
    public String key(Map<String, String> environment) {
        StringBuilder k = new StringBuilder(classes != null ? "classes-" + classes.substring(0, 16) : "netropy-" + version);
        for (String name : RESULT_ENVIRONMENT) {
            String v = environment.get(name);
            k.append(' ').append(name).append('=').append(v == null || v.isBlank() ? "unset" : v.strip());
        }
        return k.toString();
    }

    /**
     * SHA-256 over the relative names and contents of every file under a class folder, or of every
     * entry of a jar (in name order; the manifest and Maven's pom.properties, which hold build
     * metadata, left out).
     */
    public static String hashOfCode(Path location) throws IOException {
        MessageDigest sha = sha256();
        if (Files.isDirectory(location)) {
            List<Path> files;
            try (java.util.stream.Stream<Path> s = Files.walk(location)) {
                files = s.filter(Files::isRegularFile).sorted(java.util.Comparator.comparing(p -> location.relativize(p).toString()))
                        .toList();
            }
            for (Path f : files) {
                digest(sha, location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                List<java.util.jar.JarEntry> entries = jar.stream().filter(e -> !e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF")
                                && !e.getName().startsWith("META-INF/maven/"))
                        .sorted(java.util.Comparator.comparing(java.util.jar.JarEntry::getName)).toList();
                for (java.util.jar.JarEntry e : entries) {
                    try (java.io.InputStream in = jar.getInputStream(e)) {
                        digest(sha, e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(MessageDigest sha, String name, byte[] content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(java.nio.ByteBuffer.allocate(8).putLong(content.length).array());
        sha.update(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        Path code = codeLocation();
        if (code == null) {
            return new CodeVersion(null, false, version, null);
        }
        String classes;
        try {
            classes = hashOfCode(code);
        } catch (IOException e) {
            classes = null;
        }
        Path where = Files.isDirectory(code) ? code : code.getParent();
        String commit = git(where, "rev-parse", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            return new CodeVersion(null, false, version, classes);
        }
        // results/ holds outputs, not code: regenerating kept tables must not mark the code as changed.
        String status = git(where, "status", "--porcelain", "--untracked-files=no", "--", ":(top)", ":(top,exclude)results");
        return new CodeVersion(commit, status == null || !status.isBlank(), version, classes);
    }

    /** The class folder or jar this class was loaded from. */
    private static Path codeLocation() {
        try {
            return Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
