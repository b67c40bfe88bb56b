package org.netropy.io;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that an interrupted run never leaves a truncated file that looks complete, and
 * so that no path the program did not create is ever replaced:
 * <ul>
 *   <li>a regular file (or a new one) is written to a temporary sibling in its own directory and
 *       renamed over the target atomically; the temporary file is deleted if anything fails;</li>
 *   <li>{@code -} is standard output;</li>
 *   <li>a symbolic link is written through: its final target is written (atomically), the link
 *       itself stays;</li>
 *   <li>a directory, device or FIFO where a file is expected is refused
 *       ({@link InvalidInputException}), never renamed over.</li>
 * </ul>
 * Commands call {@link OutputPaths#checkFile} before their work, so these refusals come first.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void writeString(Path file, String content) {
        writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path file, byte[] content) {
        if (OutputPaths.isStdout(file)) {
            PrintStream out = System.out;
            out.write(content, 0, content.length);
            out.flush();
            return;
        }
        Path target = OutputPaths.followLinks(file);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(OutputPaths.notAFile(file, target));
        }
        Path tmp = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // A unique sibling (not Files.createTempFile, whose mode 600 would hide results from
            // other users of a shared cluster folder).
            tmp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + "." + System.nanoTime() + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what the user needs to see
                }
            }
        }
    }
}
