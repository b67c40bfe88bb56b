package org.netropy.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netropy.io.InvalidInputException;

/**
 * Every spec in the broken-specs corpus fails to load with its own one-line error that names the
 * file and line. Each file states the error it must get in its first line:
 * {@code # expect: LINE: TEXT} (or {@code # expect: TEXT} when no line applies).
 */
class BrokenSpecsTest {
    static final Path CORPUS = Path.of("src/test/resources/broken-specs");

    static Stream<Path> brokenSpecs() throws IOException {
        return SpecFiles.all(CORPUS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSpecs")
    void eachBrokenSpecGetsItsOwnClearError(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        assertTrue(first.startsWith("# expect: "), file + " must start with '# expect: ...'");
        String expect = first.substring("# expect: ".length());
        String wanted = expect.matches("\\d+: .*") ? file + ":" + expect : expect;

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SpecLoader.load(file));
        String msg = e.getMessage();
        assertTrue(msg.contains(wanted), "expected\n  " + wanted + "\ngot\n  " + msg);
        assertTrue(msg.startsWith(file.toString()), "error must name the file: " + msg);
        assertEquals(1, msg.lines().count(), "one line: " + msg);
    }

    @Test
    void errorsDifferFromEachOther() throws IOException {
        Set<String> messages = new HashSet<>();
        List<Path> files = SpecFiles.all(CORPUS);
        assertTrue(files.size() >= 20, "corpus has " + files.size() + " specs");
        for (Path f : files) {
            String msg = assertThrows(InvalidInputException.class, () -> SpecLoader.load(f)).getMessage();
            assertTrue(messages.add(msg.substring(msg.indexOf(':', f.toString().length()) + 1)), "same error twice: " + msg);
        }
    }

    @Test
    void nothingIsWrittenForAnInvalidSpec(@org.junit.jupiter.api.io.TempDir Path results) throws IOException {
        // The run command loads (and so validates) the whole spec before it touches the results folder.
        int code = Cli.run("run", CORPUS.resolve("out-of-range.yaml").toString(), "--results", results.toString());
        assertEquals(2, code);
        try (Stream<Path> s = Files.list(results)) {
            assertFalse(s.findAny().isPresent(), "results folder must stay empty");
        }
    }

    @Test
    void nearestNameUsesEditDistance() {
        assertEquals(3, NearestName.distance("kitten", "sitting"));
        assertEquals(0, NearestName.distance("", ""));
        assertEquals(4, NearestName.distance("", "seed"));
        assertEquals("sweep", NearestName.nearest("sweeep", List.of("name", "sweep", "seeds")));
        assertEquals("seeds", NearestName.nearest("seed", List.of("name", "sweep", "seeds")));
    }
}
