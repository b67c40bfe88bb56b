package org.netropy.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * The registry of run kinds a spec can name. To make an engine sweepable, add one line to
 * {@link #BUILT_IN} (e.g. {@code new MaxEntScanKind()}).
 */
public final class RunKinds {
    private static final List<RunKind> BUILT_IN = List.of(
            new AnalyticDemoKind(),
            new FailDemoKind(),
            new org.netropy.experiment.kinds.MaxEntClassesKind(),
            new org.netropy.experiment.kinds.MaxEntPatternsKind(),
            new org.netropy.experiment.kinds.MaxEntSampleKind(),
            new org.netropy.experiment.kinds.MaxEntAnglesKind(),
            new org.netropy.experiment.kinds.MaxEntLimitKind(),
            new org.netropy.experiment.kinds.EiCurveKind(),
            new org.netropy.experiment.kinds.GdTrainKind(),
            new org.netropy.experiment.kinds.GdMaxEntKind()
    );

    private static final Map<String, RunKind> KINDS = new LinkedHashMap<>();

    /** Columns that tables add after the parameters and row keys; kinds may not use these names. */
    public static final List<String> TABLE_COLUMNS = List.of("measure", "n_seeds", "mean", "sd", "ci95_low", "ci95_high", "n_diverged");

    static {
        BUILT_IN.forEach(RunKinds::register);
    }

    private RunKinds() {}

    /** Adds a kind (e.g. from a plug-in or a test); its name must be new. */
    public static synchronized void register(RunKind kind) {
        if (!kind.name().matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("run kind names are lower-case with dashes (got " + kind.name() + ")");
        }
        List<String> names = new ArrayList<>(kind.parameters().names());
        names.add("seed");
        names.addAll(kind.rowKeys());
        names.addAll(kind.measures());
        for (String n : names) {
            if (TABLE_COLUMNS.contains(n) || names.indexOf(n) != names.lastIndexOf(n)) {
                throw new IllegalArgumentException("run kind " + kind.name() + ": column name '" + n
                        + "' is used twice or reserved (parameters, seed, row keys and measures must differ from each other and from "
                        + TABLE_COLUMNS + ")");
            }
        }
        if (KINDS.containsKey(kind.name())) {
            throw new IllegalArgumentException("run kind '" + kind.name() + "' is already registered");
        }
        KINDS.put(kind.name(), kind);
    }

    /** The kind with this name; an unknown name gets the nearest registered one in the error. */
    public static synchronized RunKind get(String name) {
        RunKind k = KINDS.get(name);
        if (k == null) {
            throw new InvalidInputException("kind must be a registered run kind, not " + NearestName.suggestion(name, names()));
        }
        return k;
    }

    public static synchronized boolean contains(String name) {
        return KINDS.containsKey(name);
    }

    public static synchronized List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(KINDS.keySet()));
    }
}
