package org.netropy.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.netropy.io.InvalidInputException;

/**
 * The i-th of n disjoint parts of a sweep ({@code --shard i/n}, 1 &lt;= i &lt;= n), e.g. one SLURM
 * array task each. Runs are ordered by content hash and dealt round-robin, so every shard computes
 * the same partition from the spec alone, parts are balanced to within one run, and together they
 * cover the sweep exactly once.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        InvalidInputException.require(count >= 1 && index >= 1 && index <= count, "--shard",
                "i/n with integers 1 <= i <= n", index + "/" + count);
    }

    /** Parses "i/n". */
    public static Shard parse(String text) {
        String allowed = "i/n with integers 1 <= i <= n, e.g. 3/10";
        String[] parts = text == null ? new String[0] : text.strip().split("/");
        InvalidInputException.require(parts.length == 2, "--shard", allowed, text);
        try {
            int i = Integer.parseInt(parts[0].strip());
            int n = Integer.parseInt(parts[1].strip());
            InvalidInputException.require(n >= 1 && i >= 1 && i <= n, "--shard", allowed, text);
            return new Shard(i, n);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--shard must be " + allowed + " (got " + text + ")");
        }
    }

    /** This shard's runs, in the sweep's order. */
    public List<PlannedRun> select(List<PlannedRun> runs) {
        if (count == 1) {
            return runs;
        }
        List<PlannedRun> byHash = new ArrayList<>(runs);
        byHash.sort(Comparator.comparing(PlannedRun::hash));
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (int k = index - 1; k < byHash.size(); k += count) {
            mine.add(byHash.get(k).hash());
        }
        return runs.stream().filter(r -> mine.contains(r.hash())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
