package org.rtvsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtvsim.calibrate.Calibration;
import org.rtvsim.calibrate.ScenarioSimulator;
import org.rtvsim.scenario.CommandImport;

/**
 * The unmeasured conditions {@code calibrate} offers when a parameter is not identified: the first measured
 * condition changed in one way an RT engineer can measure in a minute — a 200 µs interval, SCHED_OTHER
 * ({@code -p 0}), one thread per CPU ({@code -S}), with or without a hackbench load. Options are appended to the
 * condition's cyclictest command line (a later option overrides an earlier one, as with cyclictest's getopt), so
 * they are offered only when that command line is known. A variant equal to a measured condition is left out.
 */
final class CalibrationProbes {
    /** The load of the hackbench probe: two groups of 20 processes on sockets, looping (hackbench's defaults). */
    static final String HACKBENCH = "hackbench -g 2 -l 100000000";

    private CalibrationProbes() {
    }

    static List<Calibration.Probe> of(List<CalibrationCondition> conds, Path scenario, List<String> sets, long seed,
            long durationNs, double bucketWidthUs) {
        CommandImport first = conds.get(0).imports();
        List<String[]> variants = new ArrayList<>(); // name, cyclictest, load
        String cyc = first.cyclictest();
        if (cyc != null) {
            variants.add(new String[] {"the same at a 200 us interval (-i 200)", cyc + " -i 200", first.load()});
            variants.add(new String[] {"the same as SCHED_OTHER (--policy other)", cyc + " -p 0 --policy other", first.load()});
            variants.add(new String[] {"the same on every CPU (-S)", cyc + " -S", first.load()});
        }
        if (first.load() == null) {
            variants.add(new String[] {"the same under load (--load \"" + HACKBENCH + "\")", cyc, HACKBENCH});
        } else {
            variants.add(new String[] {"the same without load", cyc, null});
        }
        List<Calibration.Probe> out = new ArrayList<>();
        for (String[] v : variants) {
            CommandImport imp = new CommandImport(v[1], v[2]);
            boolean measured = conds.stream().anyMatch(c -> Objects.equals(c.imports().cyclictest(), imp.cyclictest())
                    && Objects.equals(c.imports().load(), imp.load()));
            if (measured) {
                continue;
            }
            ScenarioSimulator sim = new ScenarioSimulator(scenario, sets, imp, seed, durationNs, bucketWidthUs);
            out.add(new Calibration.Probe(v[0], sim));
        }
        return out;
    }
}
