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

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Override the measured (simulated) duration, e.g. 2s.")
    Long durationNs;

    @Mixin
    RtlaOutput output;

    @Option(names = "--no-aa", description = "Leave out the auto-analysis of the worst sample.")
    boolean noAa;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        output.check("timerlat");
        ScenarioSpec s = scenario.load(spec.commandLine().getErr(), seed, durationNs);
        RunResult r = SingleRun.run(s, 0);
        if (r.threads().isEmpty()) {
            throw new Errors.BadInput(scenario.file + ": the scenario has no cyclictest workload: timerlat needs "
                    + "measuring threads (add a cyclictest: workload)");
        }
        StringBuilder out = new StringBuilder();
        if (output.hist()) {
            TimerlatText.hist(r, output.bucketSize, output.entries, output.withZeros, out);
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
}
