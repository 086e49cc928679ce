package org.rtvsim.probe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the facts of the machine a measurement runs on from {@code /proc}, {@code /sys}, {@code /boot} and two
 * commands ({@code systemd-detect-virt}, {@code getconf}), one family per class: {@link KernelFacts} (release,
 * config, preemption model, HZ, command line), {@link CpuFacts} (CPUs, cpufreq, cpuidle, clocksource),
 * {@link HypervisorFacts} (guest detection) and {@link RunSnapshots} (steal time, load average, USER_HZ), over
 * {@link FactFiles} and {@link FactNodes}; this class is their facade. The root directory and the command runner are injectable,
 * so tests read a fake tree under a temporary directory. Nothing here throws for a missing or unreadable fact: the
 * fact is null with a reason. Sources are always recorded as the path on the real machine ({@code /proc/cmdline}),
 * not the path under the root.
 */
public final class FactsReader {

    /** Runs a command and returns its trimmed stdout, or empty when it cannot run or exits non-zero. */
    @FunctionalInterface
    public interface Commands {
        Optional<String> run(List<String> argv);

        /** Runs the real command with a 5-s timeout. */
        Commands SYSTEM = argv -> {
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(false)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return Optional.of(new String(out, StandardCharsets.UTF_8).trim()).filter(s -> p.exitValue() == 0
                        || argv.get(0).endsWith("systemd-detect-virt"));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

    /** Kernel command-line keys recorded one by one (value string, true for a bare flag, null when absent). */
    public static final List<String> CMDLINE_KEYS = KernelFacts.CMDLINE_KEYS;

    static final String PREEMPT_DEBUGFS = KernelFacts.PREEMPT_DEBUGFS;

    private final FactFiles files;
    private final KernelFacts kernel;
    private final CpuFacts cpus;
    private final HypervisorFacts hypervisor;
    private final RunSnapshots snapshots;

    public FactsReader(Path root, Commands commands) {
        this.files = new FactFiles(root);
        this.kernel = new KernelFacts(files);
        this.cpus = new CpuFacts(files);
        this.hypervisor = new HypervisorFacts(files, commands);
        this.snapshots = new RunSnapshots(files, commands);
    }

    /** The real machine: root {@code /} and real commands. */
    public static FactsReader system() {
        return new FactsReader(Path.of("/"), Commands.SYSTEM);
    }

    /** Everything recorded under {@code machine} in {@code measurement.json}. */
    public MachineFacts machine() {
        ObjectNode m = FactNodes.J.objectNode();
        Optional<String> cmdline = kernel.record(m);
        cpus.record(m);
        m.set("hypervisor", hypervisor.record(cmdline.orElse("")));
        return new MachineFacts(m);
    }

    /** The text of the file at the absolute path {@code abs} (under the root), or empty. */
    Optional<String> read(String abs) {
        return files.read(abs);
    }

    static ObjectNode fact(Object value, String source) {
        return FactNodes.fact(value, source);
    }

    static ObjectNode missing(String source, String reason) {
        return FactNodes.missing(source, reason);
    }

    static Map<String, String> parseConfig(String text) {
        return KernelFacts.parseConfig(text);
    }

    /** The value of {@code key} on a kernel command line: the string, "" for a bare flag, null when absent. */
    static String cmdlineValue(String cmdline, String key) {
        return KernelFacts.cmdlineValue(cmdline, key);
    }

    /** Parses a kernel CPU list such as {@code 0-3,5}; null when malformed. */
    public static List<Integer> cpuList(String s) {
        return CpuFacts.cpuList(s);
    }

    /** The hypervisor guess from its evidence (see {@link HypervisorFacts}). */
    static ObjectNode guess(String sdv, String hvType, boolean flag, Map<String, String> dmi, String clocks,
            String cmdline) {
        return HypervisorFacts.guess(sdv, hvType, flag, dmi, clocks, cmdline);
    }

    /** The steal column of {@code /proc/stat} per line ({@code cpu} = total, {@code cpuN}), in USER_HZ ticks. */
    public Optional<Map<String, Long>> steal() {
        return snapshots.steal();
    }

    /** {@code /proc/loadavg}, trimmed. */
    public Optional<String> loadavg() {
        return snapshots.loadavg();
    }

    /** USER_HZ from {@code getconf CLK_TCK}, else 100 (the value on every architecture rtvsim targets). */
    public ObjectNode userHz() {
        return snapshots.userHz();
    }
}
