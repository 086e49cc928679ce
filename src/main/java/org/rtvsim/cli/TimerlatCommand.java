package org.rtvsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.report.TimerlatAnalysis;
import org.rtvsim.report.TimerlatText;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtvsim timerlat FILE [top|hist]}: one run of the scenario, its measuring threads shown as
 * {@code rtla timerlat top -q} or {@code rtla timerlat hist} would show them at the end of a session ({@link
 * TimerlatText}), then rtla's auto-analysis of the worst sample ({@link TimerlatAnalysis}) unless {@code --no-aa}.
 */
@Command(name = "timerlat", mixinStandardHelpOptions = true,
        description = {"Run a scenario once and print its measuring threads as rtla timerlat would: per-CPU IRQ "
                + "latency (timer expiry to the timer callback) and thread latency (expiry to the thread running), "
                + "as 'top' (cur/min/avg/max) or 'hist' (histogram), then rtla's auto-analysis of the worst sample "
                + "from the model's exact attribution."},
        footer = {"", "Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class TimerlatCommand implements Callable<Integer> {

    @Mixin
    ScenarioArgs scenario;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MODE", defaultValue = "top",
            description = "top (default) or hist.")
    String mode;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Override the measured (simulated) duration, e.g. 2s.")
    Long durationNs;

    @Mixin
    HistOptions hist;

    @Option(names = "--no-aa", description = "Leave out the auto-analysis of the worst sample.")
    boolean noAa;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        check(mode);
        hist.check();
        ScenarioSpec s = scenario.load();
        scenario.printNotes(spec.commandLine().getErr());
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (durationNs != null) {
            s = s.withDuration(durationNs);
        }
        RunResult r = SingleRun.run(s, 0);
        if (r.threads().isEmpty()) {
            throw new Errors.BadInput(scenario.file + ": the scenario has no cyclictest workload: timerlat needs "
                    + "measuring threads (add a cyclictest: workload)");
        }
        StringBuilder out = new StringBuilder();
        if (mode.equals("hist")) {
            TimerlatText.hist(r, hist.bucketSize, hist.entries, hist.withZeros, out);
        } else {
            TimerlatText.top(r, out);
        }
        if (!noAa) {
            TimerlatAnalysis.write(r, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(out);
        w.flush();
        return Errors.OK;
    }

    /** Refuses an unknown mode, as bad input. */
    static void check(String mode) {
        if (!mode.equals("top") && !mode.equals("hist")) {
            throw new Errors.BadInput("timerlat MODE: expected top or hist; got '" + mode + "'");
        }
    }
}
