package org.netropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing never replaces a path the program did not create, and no temporary file survives. */
class OutputPathsTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymlinkIsWrittenThroughAndStaysALink() throws IOException {
        Path target = dir.resolve("real.csv");
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target.getFileName());
        OutputPaths.checkFile("--out", link);
        AtomicFiles.writeString(link, "new\n");
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals("new\n", Files.readString(target));
        // a dangling link creates its target
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), Path.of("made.csv"));
        AtomicFiles.writeString(dangling, "x\n");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("x\n", Files.readString(dir.resolve("made.csv")));
        assertEquals(List.of("dangling.csv", "link.csv", "made.csv", "real.csv"), names(), "no temporary file left");
    }

    @Test
    void aLinkToADeviceIsRefusedAndNotReplaced() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/dev/null"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OutputPaths.checkFile("--out", link));
        assertTrue(e.getMessage().startsWith("--out: ") && e.getMessage().contains("device or FIFO"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> AtomicFiles.writeString(link, "x"));
        assertTrue(Files.isSymbolicLink(link), "the link to a device was renamed over");
        assertEquals(List.of("stdout"), names());
    }

    @Test
    void aFifoIsRefused() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException noMkfifo) {
            Assumptions.abort("mkfifo not available");
            return;
        }
        Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        assertThrows(InvalidInputException.class, () -> OutputPaths.checkFile("--out", fifo));
        assertThrows(InvalidInputException.class, () -> AtomicFiles.writeString(fifo, "x"));
        assertTrue(!Files.isRegularFile(fifo) && Files.exists(fifo), "the FIFO was replaced");
    }

    @Test
    void aDirectoryIsRefusedWithoutLeavingATemporaryFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("out.csv"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OutputPaths.checkFile("--out", sub));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> AtomicFiles.writeString(sub, "content"));
        assertEquals(List.of("out.csv"), names(), "a hidden temporary file survived");
    }

    @Test
    void aFileUnderAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OutputPaths.checkFile("--out", file.resolve("sub/out.csv")));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> OutputPaths.checkFolder("--out", file, false, "--replace"));
    }

    @Test
    void anUnwritableFolderIsRefused() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as a user who can write anywhere (root)");
            assertThrows(InvalidInputException.class, () -> OutputPaths.checkFile("--out", ro.resolve("x.csv")));
            assertThrows(InvalidInputException.class, () -> OutputPaths.checkFolder("--out", ro.resolve("sub"), false, "--replace"));
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void dashIsStandardOutput() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            OutputPaths.checkFile("--out", Path.of("-"));
            AtomicFiles.writeString(Path.of("-"), "a,b\n1,2\n");
        } finally {
            System.setOut(saved);
        }
        assertEquals("a,b\n1,2\n", bytes.toString(StandardCharsets.UTF_8));
        assertTrue(!Files.exists(Path.of("-")), "a file named - was written");
    }

    @Test
    void foldersWithEarlierResultsAreRefusedUnlessReplaced() throws IOException {
        Path out = dir.resolve("out");
        OutputPaths.checkFolder("--out", out, false, "--replace"); // new: fine
        Files.createDirectories(out);
        OutputPaths.checkFolder("--out", out, false, "--replace"); // empty: fine
        Files.writeString(out.resolve("neurons_step10.csv"), "old");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OutputPaths.checkFolder("--out", out, false, "--replace"));
        assertTrue(e.getMessage().contains("--replace"), e.getMessage());
        // --replace deletes only what is a Netropy result
        assertThrows(InvalidInputException.class, () -> OutputPaths.checkFolder("--out", out, true, "--replace"));
        Files.writeString(out.resolve(OutputPaths.FOLDER_MARKER), "{}");
        Files.createDirectories(out.resolve("sub"));
        OutputPaths.checkFolder("--out", out, true, "--replace");
        OutputPaths.clearFolder(out);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count(), "replaced whole");
        }
    }
}
