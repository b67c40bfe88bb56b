package org.netropy.experiment;

import java.nio.file.Path;

/**
 * Where a run may write extra files (neuron tables, weight snapshots) and who it is.
 *
 * @param experiment the experiment name
 * @param hash       the run's content hash (its folder name)
 * @param directory  the run folder; files written here are kept with the run's outputs
 */
public record RunContext(String experiment, String hash, Path directory) {

    /**
     * A path for an extra output file inside the run folder. Write it completely before returning
     * from {@link RunKind#run}; the run counts as complete only when the runner writes its marker.
     */
    public Path file(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || RunStore.RESERVED_FILES.contains(name)) {
            throw new IllegalArgumentException("run files must be plain names other than " + RunStore.RESERVED_FILES + " (got " + name + ")");
        }
        return directory.resolve(name);
    }
}
