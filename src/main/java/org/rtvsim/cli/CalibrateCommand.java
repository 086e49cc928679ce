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
import org.rtvsim.calibrate.UncertainParameters;
import org.rtvsim.engine.Units;
import org.rtvsim.report.charts.CcdfOverlay;
import org.rtvsim.scenario.CommandImport;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
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

    @ArgGroup(exclusive = false, multiplicity = "1..*", heading = "%nMeasured conditions (repeat the group for a "
            + "joint fit):%n")
    List<ConditionArgs> conditionArgs = new ArrayList<>();

    /**
     * One measured condition: {@code --measured FILE} and the options that follow it up to the next
     * {@code --measured}.
     */
    static final class ConditionArgs {
        @Option(names = "--measured", paramLabel = "FILE", required = true, description = "A measurement: "
                + "measurement.json of rtvsim measure, cyclictest -h/--histfile/-v/--json output, rtla timerlat hist, "
                + "CSV latency_us,count or Xenomai latency (docs/measured-data.md). Repeatable: each --measured starts "
                + "a condition, and the --cyclictest, --load and --thread after it belong to it.")
        Path file;

        @Option(names = "--cyclictest", paramLabel = "OPTS", parameterConsumer = ScenarioArgs.RawValue.class,
                description = "The cyclictest options of this "
                + "measurement, e.g. \"-m -p 95 -i 200 -t 2\" (default: the command line recorded in a "
                + "measurement.json, else the scenario's cyclictest).")
        String cyclictest;

        @Option(names = "--load", paramLabel = "CMD", parameterConsumer = ScenarioArgs.RawValue.class,
                description = "The load that ran during this measurement, "
                + "e.g. \"hackbench -g 2 -l 100000000\" (default: the one recorded in a measurement.json, else none "
                + "added).")
        String load;

        @Option(names = "--thread", paramLabel = "N", description = "Use only thread N (0-based) of this "
                + "measurement (default: all threads pooled).")
        Integer thread;

        @Option(names = "--pool", description = "Pool all threads of this measurement (the default).")
        boolean pool;
    }

    @Option(names = "--scenario", paramLabel = "FILE", required = true, description = "The base scenario (YAML).")
    Path scenario;

    @Option(names = "--fit", paramLabel = "PATH=LO..HI",
            description = "A numeric scenario key (any --set path) and its range, units allowed, e.g. "
                    + "host.kernel.costs.context_switch.lognormal.median=1us..4us. Repeatable. Default: the "
                    + "scenario's uncertain: parameters.")
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
        if (maxSamples < 1) {
            throw new Errors.BadInput("--max-samples " + maxSamples + ": expected at least 1");
        }
        List<CalibrationCondition> conds = new ArrayList<>();
        for (ConditionArgs a : conditionArgs) {
            conds.add(CalibrationCondition.of(a, scenario, sets));
        }
        checkOut();
        ScenarioSpec base = conds.get(0).spec();
        List<FitParameter> params = parameters(base, conds.get(0).imports());
        long seedUsed = seed == null ? base.seed() : seed;
        List<Calibration.Condition> fitConds = new ArrayList<>();
        List<FitFiles.MeasuredCondition> infos = new ArrayList<>();
        for (CalibrationCondition c : conds) {
            long duration = durationNs != null ? durationNs
                    : ScenarioSimulator.defaultDurationNs(c.spec(), c.m().histogram().samples(), maxSamples);
            if (duration <= 0) {
                throw new Errors.BadInput(scenario + ": the scenario has no cyclictest workload to compare with the "
                        + "measurement " + c.file());
            }
            ScenarioSimulator sim = new ScenarioSimulator(scenario, sets, c.imports(), seedUsed, duration,
                    c.m().histogram().bucketWidthUs());
            fitConds.add(new Calibration.Condition(c.name(), c.m().cdf(), sim));
            infos.add(new FitFiles.MeasuredCondition(c.name(), c.file().toString(), c.m().file().format().toString(),
                    c.m().selection(), c.m().histogram().samples(), c.m().histogram().overflows(),
                    c.m().histogram().overflowEdgeUs(), c.imports().cyclictest(), c.imports().load(), duration));
        }
        List<Calibration.Probe> probes = CalibrationProbes.of(conds, scenario, sets, seedUsed,
                infos.get(0).durationNs(), conds.get(0).m().histogram().bucketWidthUs());
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        FitResult fit;
        try {
            fit = Calibration.fit(fitConds, params, probes, Calibration.Options.budget(budgetNs),
                    ProgressLine.calibration(err, quiet, budgetNs), System::nanoTime);
        } catch (IllegalArgumentException e) {
            throw new Errors.BadInput(e.getMessage());
        }
        double wallS = (System.nanoTime() - start) / 1e9;
        if (!quiet && Terminal.stderrIsTerminal()) {
            err.print("\r\033[K");
        }
        FitFiles.Context c = new FitFiles.Context(infos, scenario, sets, seedUsed, budgetText(),
                ExperimentArgs.commandLine(spec.commandLine().getParseResult().originalArgs()));
        OutFiles.write(outDir, FitFiles.JSON, out -> out.append(FitFiles.json(fit, c)));
        OutFiles.write(outDir, FitFiles.MARKDOWN, out -> FitFiles.markdown(fit, c, out));
        OutFiles.write(outDir, FitFiles.SCENARIO, out -> out.append(FitFiles.scenario(fit, c, outDir)));
        List<Path> charts = chart(conds, fit);
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(summary(conds, fit, c));
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

    /**
     * The parameters: the {@code --fit}s, or else the scenario's {@code uncertain:} entries (with their priors),
     * each checked by loading the scenario with both ends of its range.
     */
    private List<FitParameter> parameters(ScenarioSpec base, CommandImport imports) {
        List<FitParameter> params = new ArrayList<>();
        if (!fits.isEmpty()) {
            for (String f : fits) {
                params.add(ExperimentArgs.parsing(() -> FitParameter.parse(f)));
            }
        } else {
            params.addAll(UncertainParameters.of(base));
            if (params.isEmpty()) {
                throw new Errors.BadInput("nothing to fit: give --fit PATH=LO..HI, or declare uncertain: parameters "
                        + "in " + scenario + " (docs/calibration.md)");
            }
        }
        return checked(params, imports);
    }

    /** Loads the scenario with both ends of each range (and a fractional point): bad keys or values fail here. */
    private List<FitParameter> checked(List<FitParameter> params, CommandImport imports) {
        List<FitParameter> out = new ArrayList<>();
        for (FitParameter p : params) {
            load(List.of(p.set(0)), imports);
            load(List.of(p.set(1)), imports);
            try {
                load(List.of(p.set(0.37)), imports);
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

    private void load(List<String> extra, CommandImport imports) {
        List<String> all = new ArrayList<>(sets);
        all.addAll(extra);
        ScenarioLoader.load(scenario, all, imports);
    }

    private void checkOut() {
        OutFiles.prepareDir("--out", outDir);
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

    private List<Path> chart(List<CalibrationCondition> conds, FitResult fit) {
        List<CcdfOverlay.Curve> curves = new ArrayList<>();
        for (int i = 0; i < conds.size(); i++) {
            String tag = conds.size() == 1 ? "" : conds.get(i).name() + ": ";
            CcdfOverlay.Curve m = conds.get(i).m().curve();
            curves.add(new CcdfOverlay.Curve(tag + m.name(), m.xUs(), m.p()));
            double[][] sim = fit.conditions().get(i).simulated().ccdfPoints();
            curves.add(new CcdfOverlay.Curve(tag + "calibrated simulation (" + fit.conditions().get(i).simulated()
                    .samples() + " samples)", sim[0], sim[1]));
        }
        try {
            return CcdfOverlay.write("Measured vs calibrated: " + scenario.getFileName(),
                    DistanceTable.summary(fit.distances()), curves, outDir, FitFiles.CHART);
        } catch (IOException e) {
            throw new Errors.BadInput("--out: cannot write the chart into " + outDir + ": " + e.getMessage());
        }
    }

    private String summary(List<CalibrationCondition> conds, FitResult fit, FitFiles.Context c) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (conds.size() == 1) {
            MeasuredArgs.Measured m = conds.get(0).m();
            sb.append(String.format(Locale.ROOT, "# rtvsim calibrate: %s against %s (%s, %d samples)%n", scenario,
                    conds.get(0).file(), m.selection(), m.histogram().samples()));
        } else {
            sb.append(String.format(Locale.ROOT, "# rtvsim calibrate: %s against %d conditions jointly%n", scenario,
                    conds.size()));
            for (CalibrationCondition cd : conds) {
                sb.append(String.format(Locale.ROOT, "#   %s: %s (%s, %d samples)%n", cd.name(), cd.file(),
                        cd.m().selection(), cd.m().histogram().samples()));
            }
        }
        sb.append(String.format(Locale.ROOT, "# seed %d, %s simulated per evaluation (%d samples), %d evaluations, "
                + "stopped: %s%n%n", c.seed(), Units.formatNs(c.durationNs()), fit.simulated().samples(),
                fit.evaluations(), fit.stop()));
        sb.append("Fitted (uncertainty: ").append(fit.uncertainty()).append("):\n");
        for (int i = 0; i < fit.parameters().size(); i++) {
            FitParameter p = fit.parameters().get(i);
            double hw = fit.halfWidths()[i];
            FitResult.Identification id = fit.identification().get(i);
            sb.append("  ").append(p.path()).append(" = ").append(p.text(fit.x()[i]))
                    .append(Double.isNaN(hw) ? "" : " ± " + p.format(hw))
                    .append("   range ").append(p.range()).append(fit.atBound(i) ? ", AT THE RANGE'S EDGE" : "")
                    .append(p.prior() == null ? "" : ", prior " + p.prior())
                    .append('\n');
            if (!id.identified()) {
                sb.append("    NOT IDENTIFIED BY THESE DATA: ").append(id.reason()).append('\n');
                sb.append("    ").append(id.suggestion() == null ? "no suggested condition moves with it: fix it or "
                        + "narrow its range" : String.format(Locale.ROOT, "measure %s to identify it (its prediction "
                        + "moves by %.0f %% across the range)", id.suggestion(), 100 * (Math.exp(id.movement()) - 1)))
                        .append('\n');
            }
        }
        for (int i = 0; i < fit.conditions().size(); i++) {
            sb.append("\nMeasured vs simulated").append(conds.size() == 1 ? "" : " (" + fit.conditions().get(i).name()
                    + ")").append(":\n");
            DistanceTable.text(fit.conditions().get(i).distances(), sb, "  ");
        }
        sb.append('\n').append(misfitText(fit)).append('\n');
        return sb.toString();
    }

    /** The goodness-of-fit verdict: the data objective against the noise floor (docs/calibration.md). */
    static String misfitText(FitResult fit) {
        double r = fit.misfitRatio();
        if (Double.isNaN(r)) {
            return "Goodness of fit: not judged (no noise floor was computed)\n";
        }
        if (fit.misfit()) {
            return String.format(Locale.ROOT, "MODEL MISFIT: the best fit is %.1f noise floors from the data (more "
                    + "than %.0f): no values in these ranges make the model match, so the fitted values absorb "
                    + "something it lacks; do not predict from them before the model or the ranges change "
                    + "(docs/calibration.md#misfit)%n", r, FitResult.MISFIT_RATIO);
        }
        return String.format(Locale.ROOT, "Goodness of fit: %.1f noise floors from the data (at most %.0f: the model "
                + "matches within sampling noise)%n", r, FitResult.MISFIT_RATIO);
    }

    private String budgetText() {
        return Units.formatNs(budgetNs);
    }
}
