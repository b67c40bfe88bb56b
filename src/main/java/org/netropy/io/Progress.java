package org.netropy.io;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long job on standard error: a progress bar when standard error is a terminal;
 * otherwise (a log file, a pipe, a cluster job) a plain line at most every
 * {@value #PLAIN_INTERVAL_SECONDS} s and at the end, with the count, percentage and ETA, so that
 * logs hold no {@code \r} animation frames.
 */
public final class Progress implements AutoCloseable {
    /** Seconds between plain lines. */
    public static final int PLAIN_INTERVAL_SECONDS = 30;

    private final String task;
    private final long total;
    private final long initial;
    private final ProgressBar bar;
    private final PrintStream plain;
    private final long startNanos = System.nanoTime();
    private long current;
    private long lastLineNanos = startNanos;
    private String extra = "";

    /** Whether standard error is (most likely) a terminal: the JVM has a console and TERM is not dumb. */
    public static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    public Progress(String task, long total, long initial) {
        this(task, total, initial, onTerminal(), System.err);
    }

    /** @param terminal draw a bar (true) or print plain lines to {@code plain} (false) */
    public Progress(String task, long total, long initial, boolean terminal, PrintStream plain) {
        this.task = task;
        this.total = total;
        this.initial = initial;
        this.current = initial;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).startsFrom(initial, Duration.ZERO).setMaxRenderedLength(100)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        this.plain = terminal ? null : plain;
    }

    /** One more unit done; {@code failures} shown when positive. */
    public synchronized void step(int failures) {
        extra = failures > 0 ? " failed " + failures : "";
        stepTo(current + 1);
    }

    public synchronized void stepTo(long done) {
        current = done;
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(extra);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLineNanos >= PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
            lastLineNanos = now;
            plain.println(line(now));
            plain.flush();
        }
    }

    /** "task: 120/1440 (8%), 35 s elapsed, ETA 6 min 25 s". */
    synchronized String line(long now) {
        double elapsed = (now - startNanos) / 1e9;
        long doneHere = current - initial;
        long left = total - current;
        String eta = doneHere > 0 && left > 0 ? ", ETA " + duration(elapsed / doneHere * left) : "";
        return String.format(Locale.ROOT, "%s: %d/%d (%d%%), %s elapsed%s%s", task, current, total,
                total == 0 ? 100 : 100 * current / total, duration(elapsed), eta, extra);
    }

    /** A duration in seconds as "42 s", "6 min 25 s" or "2 h 3 min". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        } else if (current > initial) {
            plain.println(line(System.nanoTime()));
            plain.flush();
        }
    }
}
