package org.netropy.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.netropy.io.InvalidInputException;

/**
 * The registry of run kinds a spec can name. The kinds are found with {@link ServiceLoader} from
 * {@code META-INF/services/org.netropy.experiment.RunKind}, so this runner package never imports
 * the engines' adapters in {@code org.netropy.experiment.kinds} (the layering of the README): a new
 * sweepable computation is its kind class plus one line in that file.
 */
public final class RunKinds {
    private static final Map<String, RunKind> KINDS = new LinkedHashMap<>();

    /** Columns that tables add after the parameters and row keys; kinds may not use these names. */
    public static final List<String> TABLE_COLUMNS = List.of("measure", "n_seeds", "mean", "sd", "ci95_low", "ci95_high", "n_diverged");

    static {
        for (RunKind kind : ServiceLoader.load(RunKind.class, RunKinds.class.getClassLoader())) {
            register(kind);
        }
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
