package org.rtvsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.hw.HwlatDetector;
import org.rtvsim.hw.Machine;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim hwlat}: what {@code hwlatdetect} (rt-tests, driving the kernel's hwlat tracer) would
 * report on the scenario's hardware: an irq-off TSC-reading loop on CPU 0 during {@code width} of
 * every {@code window} ({@link HwlatDetector}), for the scenario's measured duration from time 0 (no
 * warm-up: the detector needs none). Prints hwlatdetect's report, then the SMI count lines it prints
 * when it can read MSR_SMI_COUNT, then one {@code ts: …, inner:…, outer:…} line per sample.
 * The kernel and the workloads run too; the detector only sees hardware stalls.
 */
@Command(name = "hwlat", mixinStandardHelpOptions = true,
        description = {"Simulate hwlatdetect on the scenario's hardware: an interrupts-off loop on CPU 0 "
                + "reading the TSC during --width of every --window, reporting gaps above --threshold "
                + "(SMIs; stalls outside the sampling width are not seen)."},
        footer = {"", "Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class HwlatCommand implements Callable<Integer> {

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Test duration (simulated); default: the scenario's measured duration.")
    Long durationNs;

    @Option(names = "--threshold", paramLabel = "T", converter = DurationConverter.class, defaultValue = "10us",
            description = "Report gaps longer than this (default: ${DEFAULT-VALUE}, hwlatdetect's).")
    long thresholdNs;

    @Option(names = "--window", paramLabel = "W", converter = DurationConverter.class, defaultValue = "1s",
            description = "Sampling period (default: ${DEFAULT-VALUE}).")
    long windowNs;

    @Option(names = "--width", paramLabel = "W", converter = DurationConverter.class, defaultValue = "500ms",
            description = "Spinning time inside each window; shorter than --window (default: ${DEFAULT-VALUE}).")
    long widthNs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (widthNs >= windowNs) {
            throw new Errors.BadInput("--width " + us(widthNs) + "us must be shorter than --window "
                    + us(windowNs) + "us (the non-sampling period would be empty)");
        }
        ScenarioSpec s = scenario.load(spec.commandLine().getErr(), seed, null);
        long duration = durationNs != null ? durationNs : s.durationNs();
        Model m = ModelBuilder.build(s, 0);
        Machine machine = m.machine();
        HwlatDetector d = new HwlatDetector(m.sim(), windowNs, widthNs, thresholdNs, duration);
        d.attach(machine.cpu(0));
        m.start();
        m.sim().runUntil(duration);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(d, duration, machine));
        out.flush();
        return Errors.OK;
    }

    /** hwlatdetect's report (rt-tests src/hwlatdetect/hwlatdetect.py, tracer detector, no --report). */
    static String report(HwlatDetector d, long durationNs, Machine machine) {
        StringBuilder sb = new StringBuilder();
        sb.append("hwlatdetect:  test duration ").append(durationNs / 1_000_000_000L).append(" seconds\n");
        sb.append("   detector: tracer\n");
        sb.append("   parameters:\n");
        sb.append("        Latency threshold: ").append(us(d.thresholdNs())).append("us\n");
        sb.append("        Sample window:     ").append(us(d.windowNs())).append("us\n");
        sb.append("        Sample width:      ").append(us(d.widthNs())).append("us\n");
        sb.append("     Non-sampling period:  ").append(us(d.windowNs() - d.widthNs())).append("us\n");
        sb.append("        Output File:       None\n");
        sb.append("\nStarting test\n");
        sb.append("test finished\n");
        long max = us(d.maxNs());
        sb.append("Max Latency: ").append(d.samples().isEmpty() ? "Below threshold" : max + "us").append('\n');
        sb.append("Samples recorded: ").append(d.samples().size()).append('\n');
        sb.append("Samples exceeding threshold: ").append(d.samples().size()).append('\n');
        long smis = machine.smiCount();
        if (smis > 0) {
            for (int i = 0; i < machine.cpuCount(); i++) {
                sb.append(smis).append(" SMIs occured on cpu ").append(i).append('\n');
            }
        }
        sb.append("SMIs during run: ").append(smis).append('\n');
        for (HwlatDetector.Sample x : d.samples()) {
            sb.append(String.format(Locale.ROOT, "ts: %d.%09d, inner:%d, outer:%d%n",
                    x.timestampNs() / 1_000_000_000L, x.timestampNs() % 1_000_000_000L,
                    us(x.innerNs()), us(x.outerNs())));
        }
        return sb.toString();
    }

    /** Whole microseconds, truncated, as the hwlat tracer reports them. */
    private static long us(long ns) {
        return ns / 1000;
    }
}
