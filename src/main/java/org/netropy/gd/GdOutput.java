package org.netropy.gd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.AtomicFiles;
import org.netropy.io.Json;

/**
 * Writes the results of a run (one or several members) to a directory:
 * {@code neurons_init.csv} and {@code neurons.csv} (the shared single-neuron table, a
 * {@code member} column when there are several networks), {@code loss.csv} (member, step, loss:
 * every {@code lossEvery}-th step and always the first and the exact final one),
 * {@code metrics.json} (task with its exact data set, settings, seeds, provenance, per-member
 * outcome and regime metrics) and {@code neurons_step<T>.csv} for requested snapshots.
 */
public final class GdOutput {
    private GdOutput() {}

    /** Default spacing of loss.csv: about this many points per network. */
    public static final int LOSS_POINTS = 1000;

    /** The default --loss-every for a run of {@code steps} steps: about {@value #LOSS_POINTS} points per network. */
    public static int defaultLossEvery(int steps) {
        return Math.max(1, steps / LOSS_POINTS);
    }

    public static void write(Path dir, List<GdResult> results) {
        write(dir, results, 1);
    }

    /** Writes the results; loss.csv keeps steps 0, k, 2k, ... and the last step run of each network. */
    public static void write(Path dir, List<GdResult> results, int lossEvery) {
        if (lossEvery < 1) {
            throw new org.netropy.io.InvalidInputException("--loss-every must be an integer >= 1 (got " + lossEvery + ")");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean many = results.size() > 1;
        NeuronTableCsv.write(dir.resolve(GdRunFolder.INITIAL_TABLE), table(results, true));
        NeuronTableCsv.write(dir.resolve(GdRunFolder.FINAL_TABLE), table(results, false));
        StringBuilder loss = new StringBuilder("member,step,loss\n");
        for (int m = 0; m < results.size(); m++) {
            double[] curve = results.get(m).lossCurve();
            for (int t = 0; t < curve.length; t++) {
                if (t % lossEvery == 0 || t == curve.length - 1) {
                    loss.append(m).append(',').append(t).append(',').append(curve[t]).append('\n');
                }
            }
        }
        AtomicFiles.writeString(dir.resolve(GdRunFolder.LOSS), loss.toString());
        for (int step : results.get(0).snapshots().keySet()) {
            List<NeuronTable> tables = new ArrayList<>();
            for (GdResult r : results) {
                NeuronTable t = r.snapshots().get(step);
                if (t != null) {
                    tables.add(t);
                }
            }
            if (!tables.isEmpty()) {
                NeuronTableCsv.write(dir.resolve("neurons_step" + step + ".csv"), many ? NeuronTable.ofMembers(tables) : tables.get(0));
            }
        }
        Json.write(dir.resolve(GdRunFolder.METRICS), record(results));
    }

    /** A folder this class wrote, to be read back (by {@link GdRunFolder}, its one reader). */
    public static GdRunFolder read(Path dir) {
        return new GdRunFolder(dir);
    }

    static NeuronTable table(List<GdResult> results, boolean initial) {
        if (results.size() == 1) {
            return initial ? results.get(0).initialTable() : results.get(0).finalTable();
        }
        List<NeuronTable> tables = new ArrayList<>();
        for (GdResult r : results) {
            tables.add(initial ? r.initialTable() : r.finalTable());
        }
        return NeuronTable.ofMembers(tables);
    }

    /** The JSON record of a run. */
    public static Map<String, Object> record(List<GdResult> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        GdRunSpec s0 = results.get(0).spec();
        m.put("engine", "gradient-descent (ND4J ensemble engine)");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", s0.task().name());
        task.put("paper", s0.task().paper());
        task.put("description", s0.task().description());
        task.putAll(s0.task().settings());
        task.put("targets", s0.task().data().targets());
        m.put("task", task);
        m.put("settings", s0.describe());
        m.put("provenance", provenance());
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GdResult r = results.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("member", i);
            e.put("rootSeed", r.rootSeed());
            e.put("streamSeeds", r.seeds());
            e.put("stimulusScale", r.spec().init().stimulusScale());
            e.put("effectiveLearningRate", r.spec().effectiveLearningRate());
            e.put("stepsRun", r.stepsRun());
            e.put("diverged", r.diverged());
            e.put("divergedStep", r.divergedStep());
            e.put("converged", r.converged());
            e.put("outputBias", r.last().outputBias());
            e.put("metrics", r.metrics().toJson());
            members.add(e);
        }
        m.put("members", members);
        return m;
    }

    /**
     * The machine the networks were trained on. The full record (netropy version, git commit and
     * dirty flag, libraries, seeds) is the command's {@code provenance.json} beside this file; a
     * version this engine cannot know is not guessed here.
     */
    static Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("javaVersion", System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        p.put("arch", System.getProperty("os.arch"));
        p.put("record", "provenance.json");
        return p;
    }
}
