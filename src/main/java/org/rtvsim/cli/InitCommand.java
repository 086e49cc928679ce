package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rtvsim.probe.Measurement;
import org.rtvsim.probe.MeasurementFile;
import org.rtvsim.probe.ProbeException;
import org.rtvsim.probe.ScenarioDraft;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim init --from DIR/measurement.json [--out FILE] [--force]}: drafts a scenario for the measured
 * machine ({@link ScenarioDraft}) on stdout or into {@code --out}, which is not overwritten without {@code --force}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Draft a scenario YAML for the machine of a measurement (rtvsim measure): CPUs, preemption "
                + "model, HZ, isolation keys, C-states, the measured cyclictest and load; for a guest, the VM on an "
                + "unseen shared host. Every value says whether it came from the machine, is a default or an "
                + "assumption; an uncertain: list says what calibrate fits."},
        footer = {"", "Example:", "  rtvsim init --from m1/measurement.json --out m1/scenario.yaml",
            "", "See docs/measured-data.md. Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class InitCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FILE", required = true,
            description = "A measurement.json written by rtvsim measure (or its directory).")
    Path from;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scenario here (default: stdout).")
    Path outFile;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path json = Files.isDirectory(from) ? from.resolve(MeasurementFile.JSON) : from;
        if (!Files.isRegularFile(json)) {
            throw new Errors.BadInput("--from " + from + ": no such file; expected a measurement.json written by "
                    + "rtvsim measure");
        }
        if (outFile != null && Files.exists(outFile) && !force) {
            throw new Errors.BadInput("--out " + outFile + ": the file already exists; pass --force to replace it");
        }
        if (outFile != null && Files.isDirectory(outFile)) {
            throw new Errors.BadInput("--out " + outFile + ": is a directory; expected a file name");
        }
        Measurement m;
        try {
            m = MeasurementFile.read(json);
        } catch (ProbeException e) {
            throw new Errors.BadInput("--from " + e.getMessage());
        }
        String yaml = ScenarioDraft.draft(m);
        if (outFile == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(yaml);
            out.flush();
            return Errors.OK;
        }
        Path dir = outFile.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            MeasurementFile.writeAtomically(dir, outFile.getFileName().toString(), yaml);
        } catch (IOException e) {
            throw new Errors.BadInput("--out " + outFile + ": cannot write the file: " + e.getMessage());
        }
        spec.commandLine().getErr().println("Wrote " + outFile);
        spec.commandLine().getErr().flush();
        return Errors.OK;
    }
}
