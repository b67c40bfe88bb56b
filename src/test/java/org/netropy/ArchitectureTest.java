package org.netropy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DL4J and ND4J belong to the gradient-descent engine alone, so that commands that do not train
 * never load the native backend (start-up time, memory, portability).
 */
class ArchitectureTest {
    @Test
    void onlyTheGradientDescentEngineImportsDl4jOrNd4j() throws IOException {
        Path main = Path.of("src/main/java/org/netropy");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(main.resolve("gd")))
                    .filter(ArchitectureTest::mentionsNativeBackend)
                    .map(Path::toString)
                    .toList();
        }
        assertTrue(offenders.isEmpty(), "DL4J/ND4J used outside org.netropy.gd: " + offenders);
    }

    private static boolean mentionsNativeBackend(Path file) {
        try {
            String src = Files.readString(file);
            return src.contains("org.nd4j") || src.contains("org.deeplearning4j");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
