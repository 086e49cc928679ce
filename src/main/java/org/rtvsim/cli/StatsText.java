package org.rtvsim.cli;

import java.util.List;
import java.util.Locale;
import org.rtvsim.engine.Units;
import org.rtvsim.measure.RunResult;

/**
 * The lines {@code run --stats} adds to a single run's summary: events per wall-clock second, simulated time per
 * wall time, completed jobs, and the events by kind with their share of the event loop's time. They describe the
 * simulator, not the model, and depend on the wall clock, so they are not deterministic.
 */
final class StatsText {
    private StatsText() {
    }

    /** Events per wall-clock second and simulated time per wall time; the line {@code --stats} adds. */
    static String statsLine(RunResult r) {
        double wallS = r.wallNanos() / 1e9;
        double simulatedS = (r.warmupNs() + r.durationNs()) / 1e9;
        if (wallS <= 0) {
            return "Stats: events per wall-second and simulated/wall ratio unavailable (no wall time measured)\n";
        }
        String line = String.format(Locale.ROOT, "Stats: %.0f events/s, simulated/wall ratio %.3g (%s simulated"
                + " incl. warm-up in %.3f s wall)%n", r.events() / wallS, simulatedS / wallS,
                Units.formatNs(r.warmupNs() + r.durationNs()), wallS);
        long jobs = r.tasks().stream().mapToLong(org.rtvsim.measure.TaskResult::jobs).sum();
        if (jobs > 0) {
            line += String.format(Locale.ROOT, "Stats: %d jobs completed, %.0f jobs/s%n", jobs, jobs / wallS);
        }
        return line + kindLines(r);
    }

    /** Most frequent event kinds shown by {@code --stats}; the rest are summed in one line. */
    static final int KINDS_SHOWN = 20;

    /**
     * The {@code --stats} table of events by kind: count, events per latency sample (all threads' samples,
     * warm-up events included) and the kind's share of the event loop's time (sampled, see EventProfile).
     */
    static String kindLines(RunResult r) {
        List<org.rtvsim.engine.EventProfile.Kind> kinds = r.eventKinds();
        if (kinds.isEmpty()) {
            return "";
        }
        long samples = r.threads().stream().mapToLong(org.rtvsim.measure.ThreadResult::samples).sum();
        long nanos = kinds.stream().mapToLong(org.rtvsim.engine.EventProfile.Kind::estimatedNanos).sum();
        StringBuilder b = new StringBuilder();
        if (samples > 0) {
            b.append(String.format(Locale.ROOT, "Stats: %.1f events per latency sample (%d samples)%n",
                    (double) r.events() / samples, samples));
        }
        b.append(String.format(Locale.ROOT, "Stats: events by kind   %12s %10s %7s%n", "count", "per sample",
                "time %"));
        long restCount = 0;
        long restNanos = 0;
        for (int i = 0; i < kinds.size(); i++) {
            org.rtvsim.engine.EventProfile.Kind k = kinds.get(i);
            if (i >= KINDS_SHOWN) {
                restCount += k.count();
                restNanos += k.estimatedNanos();
                continue;
            }
            b.append(kindLine(k.name(), k.count(), k.estimatedNanos(), samples, nanos));
        }
        if (restCount > 0) {
            b.append(kindLine((kinds.size() - KINDS_SHOWN) + " other kinds", restCount, restNanos, samples, nanos));
        }
        return b.toString();
    }

    private static String kindLine(String name, long count, long kindNanos, long samples, long nanos) {
        return String.format(Locale.ROOT, "  %-30s %12d %10s %7.1f%n", name, count,
                samples > 0 ? String.format(Locale.ROOT, "%.1f", (double) count / samples) : "-",
                nanos > 0 ? 100.0 * kindNanos / nanos : 0.0);
    }
}
