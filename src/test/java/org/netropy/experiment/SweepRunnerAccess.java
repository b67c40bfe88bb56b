package org.netropy.experiment;

import java.util.List;
import java.util.Map;

/** Test access to the runner's row contract, for kind tests in other packages. */
public final class SweepRunnerAccess {
    private SweepRunnerAccess() {}

    /** Throws as the runner would on rows that break the run kind contract. */
    public static void checkRows(RunKind kind, List<Map<String, Object>> rows) {
        SweepRunner.checkRows(kind, rows);
    }
}
