package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rtvsim.probe.CyclictestOptions;
import org.rtvsim.probe.CyclictestRun;
import org.rtvsim.probe.FactsReader;
import org.rtvsim.probe.MeasureRun;
import org.rtvsim.probe.MeasurementFile;
import org.rtvsim.probe.ProbeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtvsim measure [--out DIR] [--force] [--load "CMD"] -- <cyclictest options>}: runs the real cyclictest
 * with the user's options (plus {@code -q} and {@code -h 1000} when absent), optionally under a load, and writes
 * {@code DIR/measurement.json} (machine facts, command, histogram summary, steal) and {@code DIR/histogram.txt}.
 * The run must end by itself ({@code -D} or {@code -l}); an existing measurement is kept unless {@code --force}.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Run the real cyclictest on this machine and record its histogram with the machine's facts "
                + "(kernel, preemption model, HZ, boot options, CPUs, C-states, hypervisor, steal time) in "
                + "DIR/measurement.json and DIR/histogram.txt.",
            "Everything after -- goes to cyclictest unchanged; -q and -h 1000 are added when absent. The run must "
                + "end by itself: give -D TIME or -l LOOPS."},
        footer = {"", "Examples:",
            "  rtvsim measure --out m1 -- -m -p 95 -i 1000 -t 1 -D 10s",
            "  rtvsim measure --out m2 --load \"hackbench -l 100000\" -- -m -S -p 95 -i 200 -D 10m",
            "", "Then: rtvsim calibrate --measured m1/measurement.json …, rtvsim init --from m1/measurement.json.",
            "Environment: RTVSIM_CYCLICTEST names the cyclictest binary (default: cyclictest on the PATH).",
            "See docs/measured-data.md. Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class MeasureCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "measurement",
            description = "Directory for measurement.json and histogram.txt (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--force", description = "Replace an existing DIR/measurement.json.")
    boolean force;

    @Option(names = "--load", paramLabel = "CMD", description = "A load to run during the measurement, e.g. "
            + "\"hackbench -l 100000\": started 1 s before cyclictest, stopped (SIGTERM to its process tree, SIGKILL "
            + "2 s later) after it.")
    String load;

    @Parameters(paramLabel = "CYCLICTEST-OPTIONS", arity = "0..*",
            description = "cyclictest's options, after --, e.g. -- -m -p 95 -i 1000 -t 1 -D 10s")
    List<String> cyclictestArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment (RTVSIM_CYCLICTEST, PATH, RTVSIM_PROBE_ROOT); {@link Main} sets it. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (cyclictestArgs.isEmpty()) {
            throw new Errors.BadInput("measure: expected cyclictest options after --, e.g. rtvsim measure -- -m -p 95 "
                    + "-i 1000 -t 1 -D 10s");
        }
        CyclictestOptions opts = CyclictestOptions.parse(cyclictestArgs);
        if (!opts.ends()) {
            throw new Errors.BadInput("measure: the cyclictest options " + MeasurementFile.join(cyclictestArgs)
                    + " have neither -D/--duration TIME nor -l/--loops N (> 0): a measurement must end by itself; "
                    + "add e.g. -D 10m");
        }
        if (opts.has("verbose") || opts.has("nsecs")) {
            throw new Errors.BadInput("measure: cyclictest " + (opts.has("verbose") ? "-v" : "-N") + " is not "
                    + "supported: measure records a histogram of whole microseconds (drop the option)");
        }
        checkOut();
        Path binary = probe(() -> CyclictestRun.locate(env.get("RTVSIM_CYCLICTEST"), env.get("PATH")));
        String root = env.get("RTVSIM_PROBE_ROOT");
        // a fake root (tests) runs no commands: systemd-detect-virt would describe the real machine
        FactsReader facts = root == null || root.isBlank() ? FactsReader.system()
                : new FactsReader(Path.of(root), argv -> java.util.Optional.empty());
        MeasureRun run = new MeasureRun(new MeasureRun.Settings(outDir, binary, opts, load, version()), facts);
        err.println("rtvsim: measure: running " + String.join(" ", CyclictestRun.command(binary, opts))
                + (load == null ? "" : " under load \"" + load + "\""));
        err.flush();
        MeasureRun.Outcome o;
        try (SigInt hook = SigInt.install(run::interrupt)) {
            o = probe(() -> run.run(progress(err)));
        }
        if (Terminal.stderrIsTerminal()) {
            err.print("\r\033[K");
        }
        for (String w : o.warnings()) {
            err.println("rtvsim: warning: " + w);
        }
        PrintWriter out = spec.commandLine().getOut();
        var h = o.measurement().path("histogram");
        out.printf(Locale.ROOT, "Measured %d samples in %d thread(s) over %.1f s (%d overflows, max %s µs)%s%n",
                h.path("samples").asLong(), h.path("threads").asInt(), o.measurement().path("duration_s").asDouble(),
                h.path("overflows").asLong(), maxUs(h), o.interrupted() ? ", interrupted" : "");
        out.println("Wrote " + o.json());
        out.println("Wrote " + outDir.resolve(MeasurementFile.HISTOGRAM));
        if (Files.exists(outDir.resolve(MeasurementFile.STDERR))) {
            out.println("Wrote " + outDir.resolve(MeasurementFile.STDERR));
        }
        out.flush();
        err.flush();
        return Errors.OK;
    }

    private static String maxUs(com.fasterxml.jackson.databind.JsonNode h) {
        long max = -1;
        for (var t : h.path("per_thread")) {
            max = Math.max(max, t.path("max_us").asLong(-1));
        }
        return max < 0 ? "?" : Long.toString(max);
    }

    /** Refuses an existing measurement without --force, before anything runs. */
    private void checkOut() {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new Errors.BadInput("--out " + outDir + ": exists and is not a directory");
        }
        Path json = outDir.resolve(MeasurementFile.JSON);
        if (Files.exists(json) && !force) {
            throw new Errors.BadInput("--out " + outDir + ": " + json + " already exists; pass --force to replace it "
                    + "or choose another --out");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new Errors.BadInput("--out " + outDir + ": cannot create the directory: " + e.getMessage());
        }
        if (!Files.isWritable(outDir)) {
            throw new Errors.BadInput("--out " + outDir + ": the directory is not writable");
        }
    }

    /** Progress on stderr: "\r" updates at most once a second on a terminal, a plain line every 10 s otherwise. */
    private static MeasureRun.Progress progress(PrintWriter err) {
        boolean tty = Terminal.stderrIsTerminal();
        long[] last = {-1};
        return (elapsedNs, expectedNs) -> {
            long sec = elapsedNs / 1_000_000_000L;
            long step = tty ? 1 : 10;
            if (sec < step || sec / step == last[0]) {
                return;
            }
            last[0] = sec / step;
            String text = expectedNs == null ? String.format(Locale.ROOT, "rtvsim: measure: %d s elapsed", sec)
                    : String.format(Locale.ROOT, "rtvsim: measure: %d s of %d s (%.0f %%)", sec,
                    Math.round(expectedNs / 1e9), Math.min(100.0, 100.0 * elapsedNs / expectedNs));
            err.print(tty ? "\r" + text + "   " : text + System.lineSeparator());
            err.flush();
        };
    }

    private String version() {
        String[] v = spec.root().versionProvider() == null ? new String[0] : versionLines();
        return v.length == 0 ? "unknown" : v[0].replace("rtvsim ", "");
    }

    private String[] versionLines() {
        try {
            return spec.root().versionProvider().getVersion();
        } catch (Exception e) {
            return new String[0];
        }
    }

    /** Something that may fail with bad input from the probe layer. */
    interface Step<T> {
        T get() throws IOException, InterruptedException;
    }

    static <T> T probe(Step<T> step) throws IOException, InterruptedException {
        try {
            return step.get();
        } catch (ProbeException e) {
            throw new Errors.BadInput(e.getMessage());
        }
    }

    /**
     * Ctrl-C while measuring: instead of ending the JVM, the handler interrupts cyclictest so its histogram is
     * still written. Uses {@code sun.misc.Signal} (module jdk.unsupported); where that is unavailable, Ctrl-C keeps
     * its default behaviour (cyclictest, in the same process group, still gets the terminal's SIGINT).
     */
    static final class SigInt implements AutoCloseable {
        private final Object previous;

        private SigInt(Object previous) {
            this.previous = previous;
        }

        static SigInt install(Runnable onInterrupt) {
            try {
                sun.misc.Signal sig = new sun.misc.Signal("INT");
                return new SigInt(sun.misc.Signal.handle(sig, s -> onInterrupt.run()));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                return new SigInt(null);
            }
        }

        @Override
        public void close() {
            if (previous instanceof sun.misc.SignalHandler h) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
                } catch (IllegalArgumentException e) {
                    // leave it
                }
            }
        }
    }
}
