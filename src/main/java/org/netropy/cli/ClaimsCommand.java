package org.netropy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.netropy.claims.ClaimEvaluator;
import org.netropy.claims.ClaimResult;
import org.netropy.claims.ClaimsTable;
import org.netropy.claims.ReproduceDocument;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.SpecFiles;
import org.netropy.experiment.SpecLoader;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netropy claims SPEC} and {@code netropy claims --update-reproduce}: decide claims, write REPRODUCE.md's status. */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"Decide a spec's claims on its tidy table (results/tables/<experiment>.csv) and print them:",
                "holds / fails / inconclusive from the 95%% interval against the threshold.",
                "With --all: decide every spec's claims and write results/claims.csv and claims.md.",
                "With --update-reproduce: rewrite REPRODUCE.md's status column and its section",
                "'What this reconstruction reproduces, and what not' from results/claims.csv (written by reproduce --all)."})
public final class ClaimsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPEC", arity = "0..1", description = "Spec file (experiments/<name>.yaml) whose claims to print.")
    Path specFile;

    @Option(names = "--variant", paramLabel = "NAME", defaultValue = ExperimentSpec.FULL,
            description = "Variant whose table to read (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--all", description = "Decide the claims of every spec in --experiments from the existing tables and write"
            + " <results>/claims.csv and claims.md (claims.<variant>.* for a variant), as reproduce does.")
    boolean all;

    @Option(names = "--experiments", paramLabel = "DIR", defaultValue = "experiments", description = "Spec folder for --all (default: ${DEFAULT-VALUE}).")
    Path experiments;

    @Option(names = "--update-reproduce", description = "Rewrite the generated parts of REPRODUCE.md from <results>/claims.csv.")
    boolean updateReproduce;

    @Option(names = "--document", paramLabel = "FILE", defaultValue = "REPRODUCE.md",
            description = "The document --update-reproduce rewrites (default: ${DEFAULT-VALUE}).")
    Path document;

    /** Decides the claims of every spec for a variant from {@code results/tables} and writes the claims table. */
    static void writeClaims(List<ExperimentSpec> specs, String variant, Path results, PrintWriter out) {
        List<ClaimResult> claims = ClaimEvaluator.evaluateAll(specs, variant, results.resolve("tables"));
        Path csv = ClaimsTable.write(results, variant, claims);
        Map<String, Long> verdicts = new TreeMap<>();
        claims.forEach(c -> verdicts.merge(c.verdict().word(), 1L, Long::sum));
        out.printf("claims: %d decided (%s) -> %s (.md)%n", claims.size(), verdicts.toString().replaceAll("[{}]", ""), csv);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int modes = (specFile != null ? 1 : 0) + (all ? 1 : 0) + (updateReproduce ? 1 : 0);
        if (modes != 1) {
            throw new InvalidInputException("give one of SPEC, --all or --update-reproduce (got " + (modes == 0 ? "none" : modes) + ")");
        }
        if (all) {
            List<ExperimentSpec> specs = new java.util.ArrayList<>();
            for (Path f : SpecFiles.all(experiments)) {
                specs.add(SpecLoader.load(f));
            }
            if (specs.isEmpty()) {
                throw new InvalidInputException("--experiments must be a folder with spec files (*.yaml) (got " + experiments + ")");
            }
            writeClaims(specs, variant, results, out);
            return 0;
        }
        if (updateReproduce) {
            List<ClaimResult> claims = ClaimsTable.read(results.resolve(ClaimsTable.stem(ExperimentSpec.FULL) + ".csv"));
            if (!Files.isRegularFile(document)) {
                throw new InvalidInputException("--document must be an existing file (got " + document + ")");
            }
            try {
                String before = Files.readString(document);
                String after = ReproduceDocument.update(before, claims);
                if (!after.equals(before)) {
                    AtomicFiles.writeString(document, after);
                }
                out.printf("%s: %s from %d claims in %s%n", document, after.equals(before) ? "unchanged" : "updated", claims.size(),
                        results.resolve("claims.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 0;
        }
        ExperimentSpec s = SpecLoader.load(specFile);
        if (!s.variantNames().contains(variant)) {
            throw new InvalidInputException("--variant must be one of " + String.join(", ", s.variantNames()) + " (got " + variant + ")");
        }
        List<ClaimResult> claims = ClaimEvaluator.evaluate(s, variant, results.resolve("tables"));
        if (claims.isEmpty()) {
            out.printf("%s: no claims%n", s.name());
        }
        out.print(ClaimsTable.markdown(variant, claims));
        out.flush();
        return 0;
    }
}
