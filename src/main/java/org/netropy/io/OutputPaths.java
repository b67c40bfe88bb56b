package org.netropy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * Checks of output paths made before any work, so that a long computation never ends in an
 * unwritable location, and a folder holding an earlier result is never silently mixed with a
 * new one (old files beside new ones would be read as one result).
 */
public final class OutputPaths {
    /** The file a folder-writing command leaves in its folder: its presence marks a Netropy result. */
    public static final String FOLDER_MARKER = "provenance.json";

    private OutputPaths() {}

    /** {@code -} names standard output. */
    public static boolean isStdout(Path file) {
        return file != null && file.toString().equals("-");
    }

    /** The final target of a chain of symbolic links (the path itself if it is not a link). */
    public static Path followLinks(Path file) {
        Path p = file;
        try {
            for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                if (hops > 40) {
                    throw new InvalidInputException(file + ": too many levels of symbolic links");
                }
                Path link = Files.readSymbolicLink(p);
                Path parent = p.toAbsolutePath().getParent();
                p = parent == null ? link : parent.resolve(link);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read link " + p, e);
        }
        return p;
    }

    static String notAFile(Path given, Path target) {
        String what = Files.isDirectory(target) ? "a directory" : "a device or FIFO, not a regular file";
        return given + (target.equals(given) ? "" : " (-> " + target + ")") + " is " + what
                + "; give a file name" + (Files.isDirectory(target) ? "" : " (or - for standard output)");
    }

    /**
     * Checks that {@code file} can be written as a file: {@code -}, a new file in a writable (or
     * creatable) directory, or an existing writable regular file, possibly behind symbolic links.
     *
     * @param option the option as the user wrote it, e.g. {@code --out}
     */
    public static void checkFile(String option, Path file) {
        if (isStdout(file)) {
            return;
        }
        Path target = followLinks(file);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(option + ": " + notAFile(file, target));
            }
            if (!Files.isWritable(target)) {
                throw new InvalidInputException(option + ": " + file + " is not writable");
            }
        }
        checkCreatable(option, target.toAbsolutePath().getParent(), file);
    }

    /**
     * Checks an output folder before any work: it may be new (in a writable location) or empty;
     * one holding files is refused unless {@code replace}, and then only if it holds a Netropy
     * result (its {@link #FOLDER_MARKER}), so that no folder the program did not create is deleted.
     *
     * @param replaceOption the option that allows replacing, e.g. {@code --replace}
     */
    public static void checkFolder(String option, Path dir, boolean replace, String replaceOption) {
        checkWritableFolder(option, dir);
        Path target = followLinks(dir);
        if (Files.exists(target)) {
            if (!isEmpty(target)) {
                if (!replace) {
                    throw new InvalidInputException(option + ": folder " + dir + " already holds files (an earlier result?); "
                            + "give " + replaceOption + " to replace it whole, or a new folder");
                }
                if (!Files.isRegularFile(target.resolve(FOLDER_MARKER))) {
                    throw new InvalidInputException(option + ": folder " + dir + " holds files but no " + FOLDER_MARKER
                            + ", so it is not a Netropy result; " + replaceOption + " only replaces those. Give a new folder");
                }
            }
        }
    }

    /**
     * Checks a folder that accumulates results (e.g. {@code --results}): it may hold earlier ones,
     * but it must be a writable folder or creatable in a writable location.
     */
    public static void checkWritableFolder(String option, Path dir) {
        Path target = followLinks(dir);
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new InvalidInputException(option + ": " + dir + " exists and is not a folder; give a new or empty folder");
            }
            if (!Files.isWritable(target)) {
                throw new InvalidInputException(option + ": folder " + dir + " is not writable");
            }
            return;
        }
        checkCreatable(option, target.toAbsolutePath().getParent(), dir);
    }

    /** Empties a folder checked by {@link #checkFolder} with replace (the folder itself stays). */
    public static void clearFolder(Path dir) {
        deleteContents(followLinks(dir), p -> false);
    }

    /** Deletes everything in a folder except the entries {@code keep} accepts (links are deleted, not followed). */
    public static void deleteContents(Path dir, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(keep.negate()).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    PathUtils.deleteDirectory(p);
                } else {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The nearest existing ancestor of {@code dir} must be a writable folder. */
    private static void checkCreatable(String option, Path dir, Path given) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new InvalidInputException(option + ": cannot create " + given + ": " + p + " is a file, not a folder");
        }
        if (!Files.isWritable(p)) {
            throw new InvalidInputException(option + ": cannot write " + given + ": folder " + p + " is not writable");
        }
    }
}
