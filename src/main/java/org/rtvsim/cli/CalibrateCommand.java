package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rtvsim.calibrate.Calibration;
import org.rtvsim.calibrate.DistanceTable;
import org.rtvsim.calibrate.FitFiles;
import org.rtvsim.calibrate.FitParameter;
import org.rtvsim.calibrate.FitResult;
import org.rtvsim.calibrate.ScenarioSimulator;
import org.rtvsim.engine.Units;
import org.rtvsim.report.charts.CcdfOverlay;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim calibrate}: fits scenario keys to a measured latency histogram (BOBYQA over simulations with
 * common random numbers, {@link Calibration}) within a wall-time budget, prints the fitted values with their
 * uncertainty and the measured-vs-simulated table, and writes {@code fit.json}, {@code fit.md}, the CCDF overlay
 * and {@code calibrated.yaml} into {@code --out}. Every key and range is checked before anything runs.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit a scenario's uncertain parameters to a measured cyclictest histogram: minimise the "
                + "tail-weighted log distance between the measured and the simulated latency distribution over "
                + "the --fit ranges, every simulation with the same seed (common random numbers).",
            "Writes fit.json, fit.md, fit-ccdf.png/.svg and calibrated.yaml (extends the base scenario) into --out."},
        footer = {"", "Examples:",
            "  rtvsim calibrate --measured hist.txt --scenario base.yaml --out fit \\",
            "      --fit host.kernel.costs.context_switch.lognormal.median=0.5us..4us \\",
            "      --fit host.kernel.costs.return_to_user.lognormal.sigma=0.1..1",
            "", "See docs/calibration.md. Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class CalibrateCommand implements Callable<Integer> {

    @Mixin
    MeasuredArgs measured;

    @Option(names = "--scenario", paramLabel = "FILE", required = true, description = "The base scenario (YAML).")
    Path scenario;

    @Option(names = "--fit", paramLabel = "PATH=LO..HI", required = true,
            description = "A numeric scenario key (any --set path) and its range, units allowed, e.g. "
                    + "host.kernel.costs.context_switch.lognormal.median=1us..4us. Repeatable.")
    List<String> fits = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = ScenarioArgs.SetConverter.class,
            description = "Override a base scenario value for every evaluation (kept in calibrated.yaml). Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory for the results (created when missing; only its fit files are replaced).")
    Path outDir;

    @Option(names = "--budget", paramLabel = "TIME", defaultValue = "5m", converter = BudgetConverter.class,
            description = "Wall-time budget, e.g. 5m, 90s (default: 5m). The search stops at 75 %% of it.")
    long budgetNs;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Simulated duration per evaluation (default: as many samples as measured, at most "
                    + "--max-samples).")
    Long durationNs;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "1000000",
            description = "Cap of the default run length in simulated samples (default: ${DEFAULT-VALUE}).")
    long maxSamples;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed (used by every evaluation).")
    Long seed;

    @Option(names = "--quiet", description = "Print nothing on stdout and no progress; errors still go to stderr.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<FitParameter> params = new ArrayList<>();
        for (String f : fits) {
            params.add(ExperimentArgs.parsing(() -> FitParameter.parse(f)));
        }
        if (maxSamples < 1) {
            throw new Errors.BadInput("--max-samples " + maxSamples + ": expected at least 1");
        }
        MeasuredArgs.Measured m = measured.read();
        checkOut();
        ScenarioSpec base = ScenarioLoader.load(scenario, sets);
        params = checked(params);
        long seedUsed = seed == null ? base.seed() : seed;
        long duration = durationNs != null ? durationNs
                : ScenarioSimulator.defaultDurationNs(base, m.histogram().samples(), maxSamples);
        if (duration <= 0) {
            throw new Errors.BadInput(scenario + ": the scenario has no cyclictest workload to compare with the "
                    + "measurement");
        }
        ScenarioSimulator sim = new ScenarioSimulator(scenario, sets, seedUsed, duration, m.histogram().bucketWidthUs());
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        FitResult fit = Calibration.fit(m.cdf(), params, sim, Calibration.Options.budget(budgetNs),
                ProgressLine.calibration(err, quiet, budgetNs), System::nanoTime);
        double wallS = (System.nanoTime() - start) / 1e9;
        if (!quiet && Terminal.stderrIsTerminal()) {
            err.print("\r\033[K");
        }
        FitFiles.Context c = new FitFiles.Context(measured.file.toString(), m.file().format().toString(), m.selection(),
                m.histogram().samples(), m.histogram().overflows(), m.histogram().overflowEdgeUs(), scenario, sets,
                seedUsed, duration, budgetText(), ExperimentArgs.commandLine(spec.commandLine().getParseResult()
                .originalArgs()));
        OutFiles.write(outDir, FitFiles.JSON, out -> out.append(FitFiles.json(fit, c)));
        OutFiles.write(outDir, FitFiles.MARKDOWN, out -> FitFiles.markdown(fit, c, out));
        OutFiles.write(outDir, FitFiles.SCENARIO, out -> out.append(FitFiles.scenario(fit, c, outDir)));
        List<Path> charts = chart(m, fit);
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary(m, fit, c));
            for (String f : List.of(FitFiles.JSON, FitFiles.MARKDOWN, FitFiles.SCENARIO)) {
                out.println("Wrote " + outDir.resolve(f));
            }
            charts.forEach(p -> out.println("Wrote " + p));
            out.flush();
            err.printf(Locale.ROOT, "rtvsim: calibration took %.1f s of wall time (%d evaluations)%n", wallS,
                    fit.evaluations());
            err.flush();
        }
        return Errors.OK;
    }

    /** Loads the scenario with both ends of each range (and a fractional point): bad keys or values fail here. */
    private List<FitParameter> checked(List<FitParameter> params) {
        List<FitParameter> out = new ArrayList<>();
        for (FitParameter p : params) {
            load(List.of(p.set(0)));
            load(List.of(p.set(1)));
            try {
                load(List.of(p.set(0.37)));
                out.add(p);
            } catch (ScenarioException e) {
                if (p.lo() != Math.rint(p.lo()) || p.hi() != Math.rint(p.hi())) {
                    throw e;
                }
                out.add(p.asInteger()); // a key that takes whole numbers only: the fit rounds
            }
        }
        return out;
    }

    private void load(List<String> extra) {
        List<String> all = new ArrayList<>(sets);
        all.addAll(extra);
        ScenarioLoader.load(scenario, all);
    }

    private void checkOut() {
        RunCommand.prepareOutDir(outDir);
        for (String f : List.of(FitFiles.SCENARIO, FitFiles.JSON, FitFiles.MARKDOWN)) {
            try {
                if (Files.exists(outDir.resolve(f)) && Files.isSameFile(outDir.resolve(f), scenario)) {
                    throw new Errors.BadInput("--out " + outDir + ": would overwrite the base scenario " + scenario
                            + "; choose another directory");
                }
            } catch (IOException e) {
                throw new Errors.BadInput("--out " + outDir + ": " + e.getMessage());
            }
        }
    }

    private List<Path> chart(MeasuredArgs.Measured m, FitResult fit) {
        double[][] sim = fit.simulated().ccdfPoints();
        List<CcdfOverlay.Curve> curves = List.of(m.curve(), new CcdfOverlay.Curve("calibrated simulation ("
                + fit.simulated().samples() + " samples)", sim[0], sim[1]));
        try {
            return CcdfOverlay.write("Measured vs calibrated: " + scenario.getFileName(),
                    DistanceTable.summary(fit.distances()), curves, outDir, FitFiles.CHART);
        } catch (IOException e) {
            throw new Errors.BadInput("--out: cannot write the chart into " + outDir + ": " + e.getMessage());
        }
    }

    private String summary(MeasuredArgs.Measured m, FitResult fit, FitFiles.Context c) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# rtvsim calibrate: %s against %s (%s, %d samples)%n", scenario,
                measured.file, m.selection(), m.histogram().samples()));
        sb.append(String.format(Locale.ROOT, "# seed %d, %s simulated per evaluation (%d samples), %d evaluations, "
                + "stopped: %s%n%n", c.seed(), Units.formatNs(c.durationNs()), fit.simulated().samples(),
                fit.evaluations(), fit.stop()));
        sb.append("Fitted (uncertainty: ").append(fit.uncertainty()).append("):\n");
        for (int i = 0; i < fit.parameters().size(); i++) {
            FitParameter p = fit.parameters().get(i);
            double hw = fit.halfWidths()[i];
            sb.append("  ").append(p.path()).append(" = ").append(p.text(fit.x()[i]))
                    .append(Double.isNaN(hw) ? " (not identified)" : " ± " + p.format(hw))
                    .append("   range ").append(p.range()).append(fit.atBound(i) ? ", AT THE RANGE'S EDGE" : "")
                    .append('\n');
        }
        sb.append("\nMeasured vs simulated:\n");
        DistanceTable.text(fit.distances(), sb, "  ");
        sb.append('\n');
        return sb.toString();
    }

    private String budgetText() {
        return Units.formatNs(budgetNs);
    }
}
