package org.netropy.experiment;

import org.netropy.options.ParameterSpec;
import org.netropy.options.ParameterSchema;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;

/** A kind's cross-parameter rule is checked for every run of every variant before anything runs. */
class KindValidationTest {
    /** rank must not exceed width: a typical rule no single-parameter range can express. */
    static class RankKind implements RunKind {
        public String name() {
            return "rank-test";
        }

        public String description() {
            return "test kind with a cross-parameter rule";
        }

        public ParameterSchema parameters() {
            return ParameterSchema.of(ParameterSpec.integer("width", 1, 1000, 10L, "hidden units"),
                    ParameterSpec.integer("rank", 1, 1000, null, "initial rank"));
        }

        public List<String> rowKeys() {
            return List.of();
        }

        public List<String> measures() {
            return List.of("value");
        }

        @Override
        public void validate(ResolvedParameters p) {
            InvalidInputException.require(p.integer("rank") <= p.integer("width"), "rank", "<= width (" + p.integer("width") + ")", p.integer("rank"));
        }

        public Object resolve(ResolvedParameters p) {
            return p.integer("rank");
        }

        public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
            return List.of(Map.of("value", (double) p.integer("rank")));
        }
    }

    @BeforeAll
    static void register() {
        if (!RunKinds.contains("rank-test")) {
            RunKinds.register(new RankKind());
        }
    }

    @Test
    void ruleBrokenOnlyInAVariantStillStopsTheWholeSpec() {
        String yaml = "name: r\nkind: rank-test\nsweep:\n  rank: [1, 5]\nvariants:\n  quick:\n    base: {width: 4}\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SpecLoader.parse(Path.of("r.yaml"), yaml));
        assertTrue(e.getMessage().contains("variant quick, run width=4 rank=5 seed=1: rank must be <= width (4) (got 5)"), e.getMessage());
    }

    @Test
    void kindsWithClashingColumnNamesAreRefused() {
        RunKind clash = new RankKind() {
            @Override
            public String name() {
                return "clash-test";
            }

            @Override
            public List<String> measures() {
                return List.of("mean");
            }
        };
        assertThrows(IllegalArgumentException.class, () -> RunKinds.register(clash));
    }
}
