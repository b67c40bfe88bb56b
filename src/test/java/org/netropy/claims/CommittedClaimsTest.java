package org.netropy.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.SpecFiles;
import org.netropy.experiment.SpecLoader;

/**
 * The committed results and REPRODUCE.md agree: {@code results/claims.csv} is what the specs'
 * claims give on the committed tables, and REPRODUCE.md's generated parts are what
 * {@code netropy claims --update-reproduce} writes from it. After a rerun of
 * {@code reproduce --all}, {@code bin/netropy claims --update-reproduce} makes this pass again.
 */
class CommittedClaimsTest {
    private static final Path RESULTS = Path.of("results");

    private static List<ExperimentSpec> specs() {
        List<ExperimentSpec> specs = new ArrayList<>();
        for (Path f : SpecFiles.all(Path.of("experiments"))) {
            specs.add(SpecLoader.load(f));
        }
        return specs;
    }

    @Test
    void everySpecHasClaimsAndTheClaimsTableIsWhatTheTablesGive() throws IOException {
        List<ExperimentSpec> specs = specs();
        int total = 0;
        for (ExperimentSpec s : specs) {
            assertFalse(s.claims().isEmpty(), s.name() + " has no claims");
            assertFalse(s.claims("quick").isEmpty(), s.name() + " has no quick claims");
            total += s.claims().size();
        }
        assertTrue(total >= 16, "only " + total + " claims");
        List<ClaimResult> computed = ClaimEvaluator.evaluateAll(specs, ExperimentSpec.FULL, RESULTS.resolve("tables"));
        String expected = ClaimsTable.csv(computed);
        assertEquals(expected, Files.readString(RESULTS.resolve("claims.csv")),
                "results/claims.csv differs from the claims decided on results/tables; run 'bin/netropy claims --all'");
    }

    @Test
    void reproduceDocumentIsGeneratedFromTheClaimsTable() throws IOException {
        String document = Files.readString(Path.of("REPRODUCE.md"));
        List<ClaimResult> claims = ClaimsTable.read(RESULTS.resolve("claims.csv"));
        assertEquals(ReproduceDocument.update(document, claims), document,
                "REPRODUCE.md differs from results/claims.csv; run 'bin/netropy claims --update-reproduce'");
        assertTrue(document.contains(ReproduceDocument.BEGIN) && document.contains("What this reconstruction reproduces, and what not"));
        for (ClaimResult c : claims) {
            assertTrue(document.contains("(`" + c.spec() + "`, " + c.claim() + ")"), c.claim() + " is not stated in REPRODUCE.md");
        }
    }

    /**
     * docs/WHEN_MAXENT_PREDICTS_GD.md cites claims as "`spec / claim` — **verdict**": each cited
     * claim exists in the committed claims table with that verdict, and every claim of the
     * study's specs (gd-maxent-*) is cited (a rerun that changes a verdict makes the sentence change).
     */
    @Test
    void theStudyDocumentStatesTheComputedVerdicts() throws IOException {
        String document = Files.readString(Path.of("docs/WHEN_MAXENT_PREDICTS_GD.md"));
        java.util.Map<String, ClaimResult> byId = new java.util.HashMap<>();
        for (ClaimResult c : ClaimsTable.read(RESULTS.resolve("claims.csv"))) {
            byId.put(c.spec() + " / " + c.claim(), c);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z0-9-]+ / [a-z0-9-]+)` — \\*\\*([a-z ]+)\\*\\*")
                .matcher(document);
        java.util.Set<String> cited = new java.util.HashSet<>();
        java.util.Set<String> specs = new java.util.HashSet<>();
        while (m.find()) {
            ClaimResult c = byId.get(m.group(1));
            assertTrue(c != null, m.group(1) + " is cited but not in results/claims.csv");
            assertEquals(c.verdict().word(), m.group(2), m.group(1) + ": the document's verdict is not the computed one");
            cited.add(m.group(1));
            specs.add(c.spec());
        }
        assertTrue(specs.stream().filter(x -> x.startsWith("gd-maxent-")).count() >= 5, "the study covers " + specs);
        for (ClaimResult c : byId.values()) {
            if (c.spec().startsWith("gd-maxent-")) {
                assertTrue(cited.contains(c.spec() + " / " + c.claim()), c.spec() + " / " + c.claim() + " is not stated in the study");
            }
        }
    }

    @Test
    void theGeneratorIsIdempotentAndRewritesStaleStatuses() {
        List<ClaimResult> claims = List.of(
                new ClaimResult("x", "full", "a", "A holds", "m", 1, 0.5, 1.5, "<= 2", Verdict.HOLDS, 1, "-"),
                new ClaimResult("x", "full", "b", "B fails", "m", 3, 2.5, 3.5, "<= 2", Verdict.FAILS, 1, "-"));
        String doc = "# t\n\n| figure | spec | status |\n|---|---|---|\n| one | `x.yaml` | reproduced (typed) |\n\nend\n";
        String once = ReproduceDocument.update(doc, claims);
        assertTrue(once.contains("| one | `x.yaml` | **partly**: C1 holds, C2 fails |"), once);
        assertTrue(once.contains("- **C2** (`x`, b) B fails"), once);
        assertEquals(once, ReproduceDocument.update(once, claims));
        assertTrue(once.startsWith("# t\n") && once.contains("\nend\n"));
    }
}
