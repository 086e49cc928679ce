package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rtvsim.engine.Units;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.PeakFinder;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceRecorder;
import org.rtvsim.report.trace.GanttChart;
import org.rtvsim.report.trace.PerfettoTrace;
import org.rtvsim.report.trace.TextTrace;
import org.rtvsim.scenario.MeasureSpec;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim trace}: runs a scenario once and writes the timeline of a window of simulated time as
 * Perfetto/Chrome JSON, kernel-format ftrace text or a Gantt chart (PNG or SVG). The window is {@code --from}/{@code --to}
 * (absolute simulated times), or {@code --window} wide around the worst moment ({@code --around max}:
 * a first run finds the largest latency sample, else the job most late against its deadline (centred on its priority inversion if it had one), and a second run with
 * the same seed — hence the same events — records around it), or the first {@code --window} after
 * warm-up. {@code measure.trace: {window, around}} in the scenario supplies the defaults. The traced
 * run stops at the window's end.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Run a scenario once and write a window of its timeline (CPU occupancy, task states, "
                + "wake-ups, locks, samples) as Perfetto JSON, kernel-format ftrace text or a Gantt chart (PNG, SVG).",
        footer = {"", "Open the JSON at https://ui.perfetto.dev (or chrome://tracing).",
            "Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class TraceCommand implements Callable<Integer> {
    /** The window width when neither the command line nor the scenario gives one. */
    static final long DEFAULT_WINDOW_NS = 5_000_000L;

    /** Output formats. */
    enum Format {
        PERFETTO, TEXT, PNG, SVG;

        static Format of(String name, Path out) {
            if (name == null) {
                String file = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
                if (file.endsWith(".json")) {
                    return PERFETTO;
                } else if (file.endsWith(".txt")) {
                    return TEXT;
                } else if (file.endsWith(".png")) {
                    return PNG;
                } else if (file.endsWith(".svg")) {
                    return SVG;
                }
                throw new Errors.BadInput("--format: not given and not implied by --out " + out
                        + " (.json, .txt, .png or .svg); give --format perfetto, text, png or svg");
            }
            return switch (name) {
                case "perfetto", "json" -> PERFETTO;
                case "text", "txt" -> TEXT;
                case "png" -> PNG;
                case "svg" -> SVG;
                default -> throw new Errors.BadInput("--format: expected perfetto, text, png or svg; got '" + name + "'");
            };
        }
    }

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--from", paramLabel = "T", converter = TimeConverter.class,
            description = "Start of the window, absolute simulated time (warm-up included), e.g. 1.2s.")
    Long fromNs;

    @Option(names = "--to", paramLabel = "T", converter = TimeConverter.class,
            description = "End of the window, absolute simulated time, e.g. 1.205s.")
    Long toNs;

    @Option(names = "--around", paramLabel = "WHAT",
            description = "Centre the window on: max (the largest latency sample, else the job most late against "
                    + "its deadline, on its priority inversion if it had one), or start (the first window after warm-up).")
    String around;

    @Option(names = "--window", paramLabel = "D", converter = DurationConverter.class,
            description = "Window width for --around and the default window (default: measure.trace.window, "
                    + "else 5ms).")
    Long windowNs;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "perfetto (Chrome Trace Event JSON), text (kernel ftrace format) or png/svg (Gantt "
                    + "chart); default from the --out extension (.json, .txt, .png, .svg).")
    String format;

    @Option(names = "--all-rows", description = "Gantt chart (png, svg): keep the rows of tasks asleep and CPUs "
            + "idle through the whole window (left out by default).")
    boolean allRows;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "The file to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Format f = Format.of(format, out);
        checkOut(out);
        ScenarioSpec s = scenario.load(spec.commandLine().getErr(), seed, null);
        PrintWriter stdout = spec.commandLine().getOut();
        long[] window = window(s, stdout);
        TraceRecorder recorder = new TraceRecorder(window[0], window[1]);
        ScenarioSpec upToWindowEnd = s.withDuration(Math.max(1, window[1] - s.warmupNs()));
        SingleRun.run(upToWindowEnd, 0, null, recorder);
        Trace t = recorder.trace();
        write(t, f, out);
        stdout.println("trace: " + seconds(t.fromNs()) + " to " + seconds(t.toNs()) + ", "
                + t.events().size() + " events" + (t.dropped() > 0 ? ", " + t.dropped() + " dropped from "
                + Units.formatNs(t.truncatedAtNs()) + " on (event cap)" : "") + " -> " + out);
        String shares = org.rtvsim.report.trace.TaskShares.summary(t);
        if (!shares.isEmpty()) {
            stdout.print("trace: CPU share of each task in the window (time on its CPU / window):\n" + shares);
        }
        stdout.flush();
        return Errors.OK;
    }

    /** {@code [fromNs, toNs]} from the options and the scenario's {@code measure.trace}. */
    long[] window(ScenarioSpec s, PrintWriter stdout) {
        if ((fromNs == null) != (toNs == null)) {
            throw new Errors.BadInput("give both --from and --to (absolute simulated times), or neither");
        }
        if (fromNs != null) {
            if (around != null) {
                throw new Errors.BadInput("give either --from/--to or --around, not both");
            }
            if (fromNs >= toNs) {
                throw new Errors.BadInput("--from " + Units.formatNs(fromNs) + " must be before --to "
                        + Units.formatNs(toNs));
            }
            return new long[] {fromNs, toNs};
        }
        MeasureSpec.TraceSpec fromScenario = s.measure().trace();
        long width = windowNs != null ? windowNs : fromScenario != null ? fromScenario.windowNs() : DEFAULT_WINDOW_NS;
        String where = around != null ? around : fromScenario != null ? fromScenario.around() : "start";
        switch (where) {
            case "start":
                return new long[] {s.warmupNs(), s.warmupNs() + width};
            case "max":
                PeakFinder finder = new PeakFinder(s.warmupNs());
                SingleRun.run(s, 0, null, finder);
                PeakFinder.Peak peak = finder.peak();
                if (peak == null) {
                    throw new Errors.BadInput("--around max: the run has no latency samples and no completed jobs "
                            + "after warm-up to centre on; give --from and --to");
                }
                stdout.println("trace: " + peak.what() + " at " + seconds(peak.endNs()));
                long from = peak.windowStartNs(width);
                return new long[] {from, from + width};
            default:
                throw new Errors.BadInput((around != null ? "--around" : s.source() + ": measure.trace.around")
                        + ": expected max or start; got '" + where + "'");
        }
    }

    /** Simulated time in seconds with nanosecond digits, e.g. {@code 9.485177792 s}. */
    static String seconds(long ns) {
        return java.math.BigDecimal.valueOf(ns, 9).toPlainString() + " s";
    }

    /** Refuses a directory; creates missing parent directories. */
    private static void checkOut(Path out) {
        if (Files.isDirectory(out)) {
            throw new Errors.BadInput("--out " + out + ": is a directory; give a file");
        }
        Path parent = out.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new Errors.BadInput("--out " + out + ": cannot create the directory: " + e.getMessage());
        }
    }

    private void write(Trace t, Format f, Path out) {
        Path abs = out.toAbsolutePath();
        try {
            org.rtvsim.engine.OutputFiles.replace(abs.getParent(), abs.getFileName().toString(), tmp -> {
                switch (f) {
                    case PERFETTO -> PerfettoTrace.write(t, tmp);
                    case PNG -> GanttChart.write(t, tmp, allRows);
                    case SVG -> GanttChart.writeSvg(t, tmp, allRows);
                    case TEXT -> {
                        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                            TextTrace.write(t, w);
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new Errors.BadInput("--out: cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Parses an absolute simulated time such as {@code 0s} or {@code 1.2s} to ns (zero allowed). */
    static final class TimeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return DurationConverter.parse(value, true);
        }
    }
}
