package org.netropy.gd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import org.netropy.connectivity.NeuronTable;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;

/**
 * A folder written by {@link GdOutput#write} (e.g. by {@code gd train}), read back: the one
 * reader of its files, so that the file names and formats are known to this package alone (the
 * notebooks read the same files in Python; the formats do not change here). Files are read when
 * asked for, so a caller can check a large table's size before it is loaded.
 */
public record GdRunFolder(Path dir) {
    public static final String FINAL_TABLE = "neurons.csv";
    public static final String INITIAL_TABLE = "neurons_init.csv";
    public static final String LOSS = "loss.csv";
    public static final String METRICS = "metrics.json";

    /** The loss of one member at the steps loss.csv kept (every k-th and the last one). */
    public record LossCurve(int member, double[] steps, double[] losses) {}

    /**
     * What metrics.json records of the initialisation, typed; a field it lacks is null (or the
     * default of {@link GdRunSpec#describe}: no bias, bias 0).
     *
     * @param activation     φ's label, or null
     * @param hiddenBias     the network trains hidden biases
     * @param biasInit       initial hidden bias b₀
     * @param biasScale      std σ_b of the initial hidden bias
     * @param contextScale   initial context-weight scale σ_v, or null
     * @param stimulusScales initial stimulus-weight scales recorded (the settings', then each member's)
     */
    public record Recorded(String activation, boolean hiddenBias, double biasInit, double biasScale, Double contextScale,
                           List<Double> stimulusScales) {}

    public Path finalTableFile() {
        return dir.resolve(FINAL_TABLE);
    }

    public boolean hasFinalTable() {
        return Files.isRegularFile(finalTableFile());
    }

    /** The trained single-neuron table (a member column when the folder holds several networks). */
    public NeuronTable finalTable() {
        return NeuronTableCsv.read(finalTableFile());
    }

    /** The initial single-neuron table. */
    public NeuronTable initialTable() {
        return NeuronTableCsv.read(dir.resolve(INITIAL_TABLE));
    }

    /** The loss curves of loss.csv, one per member in member order; none without that file. */
    public List<LossCurve> lossCurves() {
        Path file = dir.resolve(LOSS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = lines.isEmpty() ? List.of() : List.of(lines.get(0).strip().split(","));
        int member = header.indexOf("member");
        int step = header.indexOf("step");
        int loss = header.indexOf("loss");
        InvalidInputException.require(member >= 0 && step >= 0 && loss >= 0, file.toString(), "a CSV with columns member, step, loss",
                lines.isEmpty() ? "an empty file" : lines.get(0));
        Map<Integer, List<double[]>> byMember = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(",");
            try {
                byMember.computeIfAbsent(Integer.parseInt(f[member]), m -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(f[step]), Double.parseDouble(f[loss])});
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + ": not a member,step,loss row: " + line);
            }
        }
        List<LossCurve> out = new ArrayList<>();
        byMember.forEach((m, rows) -> {
            double[] steps = new double[rows.size()];
            double[] losses = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                steps[k] = rows.get(k)[0];
                losses[k] = rows.get(k)[1];
            }
            out.add(new LossCurve(m, steps, losses));
        });
        return out;
    }

    /** The initialisation metrics.json records; empty without that file. */
    public Optional<Recorded> recorded() {
        Path file = dir.resolve(METRICS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not readable JSON");
        }
        JsonNode s = root.path("settings");
        List<Double> scales = new ArrayList<>();
        if (s.path("stimulusScale").isNumber()) {
            scales.add(s.get("stimulusScale").asDouble());
        }
        for (JsonNode m : root.path("members")) {
            if (m.path("stimulusScale").isNumber()) {
                scales.add(m.get("stimulusScale").asDouble());
            }
        }
        return Optional.of(new Recorded(s.hasNonNull("activation") ? s.get("activation").asText() : null,
                s.path("hiddenBias").asBoolean(false), s.path("biasInit").asDouble(0), s.path("biasScale").asDouble(0),
                s.hasNonNull("contextScale") ? s.get("contextScale").asDouble() : null, List.copyOf(scales)));
    }
}
