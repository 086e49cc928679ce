package org.rtvsim.cli;

import java.nio.file.Path;
import java.util.List;
import org.rtvsim.scenario.CommandImport;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * One measured condition of {@code calibrate}: the measurement read, the cyclictest command line and load that
 * describe it (given after its {@code --measured}, else recorded in its measurement.json), and the base scenario
 * loaded with them (which checks them before anything runs).
 */
record CalibrationCondition(String name, Path file, MeasuredArgs.Measured m, CommandImport imports, ScenarioSpec spec) {

    static CalibrationCondition of(CalibrateCommand.ConditionArgs a, Path scenario, List<String> sets) {
        MeasuredArgs.Measured m = MeasuredArgs.read(a.file, a.thread);
        MeasuredArgs.Recorded rec = MeasuredArgs.recorded(a.file);
        String cyclictest = a.cyclictest != null ? a.cyclictest : rec == null ? null : rec.cyclictest();
        String load = a.load != null ? a.load : rec == null ? null : rec.load();
        CommandImport imports = new CommandImport(blankToNull(cyclictest), blankToNull(load));
        ScenarioSpec spec = ScenarioLoader.load(scenario, sets, imports);
        return new CalibrationCondition(name(a.file), a.file, m, imports, spec);
    }

    /** The parent directory's name for a measurement.json ({@code data/idle-1ms/measurement.json}), else the file's. */
    static String name(Path file) {
        Path fn = file.getFileName();
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (fn != null && fn.toString().equals("measurement.json") && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return fn == null ? file.toString() : fn.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
