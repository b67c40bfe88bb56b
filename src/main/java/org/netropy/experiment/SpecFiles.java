package org.netropy.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.netropy.io.InvalidInputException;

/** Finds specs: by path, or by experiment name in the experiments folder. */
public final class SpecFiles {
    private SpecFiles() {}

    /** A path to a .yaml file, or an experiment name looked up as {@code <experiments>/<name>.yaml}. */
    public static Path locate(String specOrName, Path experiments) {
        Path asPath = Path.of(specOrName);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        Path byName = experiments.resolve(specOrName + ".yaml");
        if (Files.isRegularFile(byName)) {
            return byName;
        }
        List<String> names = all(experiments).stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.ya?ml$", "")).toList();
        throw new InvalidInputException("SPEC must be a spec file or an experiment in " + experiments + ", not "
                + (names.isEmpty() ? "'" + specOrName + "' (no specs there)" : NearestName.suggestion(specOrName, names)));
    }

    /** Every spec file (*.yaml, *.yml) in a folder, sorted by name. */
    public static List<Path> all(Path experiments) {
        if (!Files.isDirectory(experiments)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(experiments)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
