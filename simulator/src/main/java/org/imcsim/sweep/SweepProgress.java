package org.imcsim.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a sweep: points done, failed, rate and ETA. On a terminal a redrawn bar (me.tongfei
 * progressbar); otherwise plain lines, at most one every {@code intervalMs}, with no control codes, so
 * CI and batch logs stay readable. Thread-safe.
 */
public final class SweepProgress implements AutoCloseable {
    private final PrintWriter out;
    private final boolean terminal;
    private final long intervalMs;
    private final LongSupplier clockMs;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long total;
    private long initial;
    private long startMs;
    private long lastPrintMs;
    private ProgressBar bar;

    /**
     * @param out        where plain progress lines go (stderr)
     * @param terminal   draw a bar on {@code System.err} instead (only when {@code System.console() != null})
     * @param intervalMs least time between two plain lines
     */
    public SweepProgress(PrintWriter out, boolean terminal, long intervalMs) {
        this(out, terminal, intervalMs, System::currentTimeMillis);
    }

    SweepProgress(PrintWriter out, boolean terminal, long intervalMs, LongSupplier clockMs) {
        this.out = out;
        this.terminal = terminal;
        this.intervalMs = intervalMs;
        this.clockMs = clockMs;
    }

    /** No output at all (library use, tests). */
    public static SweepProgress silent() {
        return new SweepProgress(null, false, Long.MAX_VALUE);
    }

    /** Starts counting: {@code total} points in this run, {@code alreadyDone} of them finished earlier. */
    public synchronized void start(long total, long alreadyDone) {
        this.total = total;
        this.initial = alreadyDone;
        this.done.set(alreadyDone);
        this.startMs = clockMs.getAsLong();
        this.lastPrintMs = startMs;
        if (out == null) {
            return;
        }
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total).setUnit(" points", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                    .startsFrom(alreadyDone, Duration.ZERO).build();
        } else {
            out.println(line());
            out.flush();
        }
    }

    /** One point finished ({@code ok} false: it failed). */
    public void step(boolean ok) {
        done.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
        }
        if (out == null) {
            return;
        }
        synchronized (this) {
            if (bar != null) {
                bar.step();
                if (!ok) {
                    bar.setExtraMessage(failed.get() + " failed");
                }
            } else {
                long now = clockMs.getAsLong();
                if (now - lastPrintMs >= intervalMs) {
                    lastPrintMs = now;
                    out.println(line());
                    out.flush();
                }
            }
        }
    }

    /** Points finished (including earlier runs). */
    public long done() {
        return done.get();
    }

    /** Points failed in this run. */
    public long failed() {
        return failed.get();
    }

    /** The plain progress line: {@code sweep: 40/162 points (1 failed), 3.2 points/s, ETA 38s}. */
    synchronized String line() {
        long d = done.get();
        double secs = Math.max(1e-3, (clockMs.getAsLong() - startMs) / 1000.0);
        double rate = (d - initial) / secs;
        StringBuilder sb = new StringBuilder("sweep: ").append(d).append('/').append(total).append(" points");
        if (failed.get() > 0) {
            sb.append(" (").append(failed.get()).append(" failed)");
        }
        sb.append(String.format(Locale.ROOT, ", %.2f points/s", rate));
        if (d < total) {
            sb.append(", ETA ").append(rate > 0 ? duration((long) Math.ceil((total - d) / rate)) : "unknown");
        } else {
            sb.append(", done in ").append(duration((long) Math.ceil(secs)));
        }
        return sb.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (out != null && total > 0) {
            out.println(line());
            out.flush();
        }
    }
}
