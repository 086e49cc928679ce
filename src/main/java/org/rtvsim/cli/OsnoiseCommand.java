package org.rtvsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.OsnoiseRecorder;
import org.rtvsim.report.OsnoiseText;
import org.rtvsim.scenario.FairSpec;
import org.rtvsim.scenario.HostSpec;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.VmSpec;
import org.rtvsim.scenario.WorkloadSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim osnoise FILE [top|hist]}: the scenario's host — or with {@code --vm NAME} that guest's kernel — with
 * its cyclictest workload replaced by rtla osnoise's workload — one busy thread {@code osnoise/N} per CPU, a job of
 * {@code --runtime} released every {@code --period} (kernel threads started by {@code kernel/trace/trace_osnoise.c}
 * without a policy change: SCHED_OTHER nice 0 unless {@code -P}) — measured by {@link OsnoiseRecorder} from the
 * model's CPU occupancy and printed as {@code rtla osnoise top -q} or {@code rtla osnoise hist} does
 * ({@link OsnoiseText}).
 */
@Command(name = "osnoise", mixinStandardHelpOptions = true,
        description = {"Run the scenario's host (or with --vm a guest's kernel) with rtla osnoise's workload (a busy "
                + "thread per CPU) instead of cyclictest and print what rtla osnoise would: 'top' per CPU the noise, "
                + "%% CPU available, max single noise and the HW/NMI/IRQ/softirq/thread occurrence counts; 'hist' the "
                + "histogram of single noises per CPU."},
        footer = {"", "Exit codes: 0 ok, 2 bad input, 3 internal error."})
final class OsnoiseCommand implements Callable<Integer> {

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Override the measured (simulated) duration, e.g. 5s.")
    Long durationNs;

    @Option(names = {"-p", "--period"}, paramLabel = "US", defaultValue = "1000000",
            description = "osnoise period in us, up to 10 s (default: ${DEFAULT-VALUE}, the tracer's).")
    long periodUs;

    @Option(names = {"-r", "--runtime"}, paramLabel = "US",
            description = "osnoise runtime per period in us, at least 100 (default: the period, the tracer's).")
    Long runtimeUs;

    @Option(names = {"-c", "--cpus"}, paramLabel = "LIST", description = "CPUs to run osnoise threads on, e.g. 0-3 "
            + "(default: all host CPUs).")
    String cpus;

    @Option(names = {"-P", "--priority"}, paramLabel = "o:N|f:N|r:N", defaultValue = "o:0",
            description = "Scheduling of the osnoise threads: o:NICE (SCHED_OTHER), f:PRIO (FIFO), r:PRIO (RR) "
                    + "(default: ${DEFAULT-VALUE}, the kernel's kthread default).")
    String priority;

    @Option(names = {"-T", "--threshold"}, paramLabel = "US", defaultValue = "0",
            description = "hist: the minimum single noise counted, in us (default: 0, the kernel's default of 5 us).")
    long thresholdUs;

    @Option(names = "--vm", paramLabel = "NAME", description = "Run the osnoise threads in guest NAME's kernel "
            + "(its vCPUs; -c then lists vCPUs) instead of the host's: VM exits and host preemption of the vCPU "
            + "threads show as HW noise.")
    String vm;

    @Mixin
    RtlaOutput output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        output.check("osnoise");
        if (thresholdUs < 0) {
            throw new Errors.BadInput("--threshold " + thresholdUs + ": expected a number of us >= 0 (0: the "
                    + "kernel's default, 5 us)");
        }
        if (periodUs <= 0 || periodUs > 10_000_000) {
            throw new Errors.BadInput("--period " + periodUs + ": expected 1..10000000 us (Period longer than 10 s)");
        }
        long runtime = runtimeUs == null ? periodUs : runtimeUs;
        if (runtime < 100 || runtime > periodUs) {
            throw new Errors.BadInput("--runtime " + runtime + ": expected 100 us up to the period (" + periodUs
                    + " us)");
        }
        ScenarioSpec s = scenario.load(spec.commandLine().getErr(), seed, durationNs);
        int guest = guestIndex(s, vm);
        int nCpus = guest < 0 ? s.hardware().cpus() : s.vms().get(guest).vcpus();
        int[] list;
        try {
            list = cpus == null ? CpuSet.range(0, nCpus).toArray() : CpuSet.parse(cpus).toArray();
        } catch (IllegalArgumentException e) {
            throw new Errors.BadInput("--cpus " + cpus + ": " + e.getMessage());
        }
        for (int c : list) {
            if (c >= nCpus) {
                throw new Errors.BadInput("--cpus " + cpus + ": CPU " + c + " is not one of the " + (guest < 0
                        ? "machine's " + nCpus : nCpus + " vCPUs of guest " + vm + " (0-" + (nCpus - 1) + ")"));
            }
        }
        Map<Integer, String> threads = new LinkedHashMap<>();
        for (int c : list) {
            threads.put(c, "osnoise/" + c);
        }
        // the samples start with the measured time (after the warm-up), one per period
        ScenarioSpec withOsnoise = guest < 0
                ? withWorkload(s, threads, periodUs * 1000, runtime * 1000, priority)
                : withGuestWorkload(s, guest, threads, periodUs * 1000, runtime * 1000, priority);
        OsnoiseRecorder recorder = new OsnoiseRecorder(threads, guest < 0 ? 0 : Model.traceCpuBase(guest),
                guest < 0 ? "" : vm + ": ", (thresholdUs == 0 ? 5 : thresholdUs) * 1000, s.warmupNs(), s.warmupNs(),
                periodUs * 1000, runtime * 1000);
        SingleRun.run(withOsnoise, 0, null, recorder);
        StringBuilder out = new StringBuilder();
        var result = recorder.result(s.warmupNs() + s.durationNs());
        if (output.hist()) {
            OsnoiseText.hist(s.durationNs(), result, output.bucketSize, output.entries, output.withZeros, out);
        } else {
            OsnoiseText.top(s.durationNs(), result, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(out);
        w.flush();
        return Errors.OK;
    }

    /** The index of guest {@code name} in the scenario, -1 for none (the host); an unknown name is bad input. */
    static int guestIndex(ScenarioSpec s, String name) {
        if (name == null) {
            return -1;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.vms().size(); i++) {
            if (s.vms().get(i).name().equals(name)) {
                return i;
            }
            names.add(s.vms().get(i).name());
        }
        throw new Errors.BadInput("--vm " + name + ": " + (names.isEmpty() ? "the scenario has no guests (vms:)"
                : "no such guest; the scenario's guests: " + String.join(", ", names)));
    }

    /** The scenario with the host's cyclictest workloads replaced by one osnoise thread per CPU of {@code threads}. */
    static ScenarioSpec withWorkload(ScenarioSpec s, Map<Integer, String> threads, long periodNs, long runtimeNs,
                                     String priority) {
        List<WorkloadSpec> workload = new ArrayList<>();
        for (WorkloadSpec w : s.host().workload()) {
            if (!(w instanceof WorkloadSpec.CyclictestSpec)) {
                workload.add(w);
            }
        }
        workload.add(new WorkloadSpec.PeriodicSpec("host.workload[osnoise]",
                tasks(s, threads, periodNs, runtimeNs, priority), Map.of()));
        HostSpec host = new HostSpec(s.host().kernel(), workload, s.host().kvm());
        return new ScenarioSpec(s.name(), s.description(), s.seed(), s.durationNs(), s.warmupNs(), s.replications(),
                s.hardware(), host, s.vms(), s.events(), s.measure(), s.slo(), s.uncertain(), s.source(), s.locations());
    }

    /**
     * The scenario with guest {@code guest}'s cyclictest workloads replaced by one osnoise thread per vCPU of
     * {@code threads}, run by the guest's kernel; the host and the other guests are unchanged.
     */
    static ScenarioSpec withGuestWorkload(ScenarioSpec s, int guest, Map<Integer, String> threads, long periodNs,
                                          long runtimeNs, String priority) {
        VmSpec v = s.vms().get(guest);
        List<WorkloadSpec> workload = new ArrayList<>();
        for (WorkloadSpec w : v.workload()) {
            if (!(w instanceof WorkloadSpec.CyclictestSpec)) {
                workload.add(w);
            }
        }
        workload.add(new WorkloadSpec.PeriodicSpec("vms[" + v.name() + "].workload[osnoise]",
                tasks(s, threads, periodNs, runtimeNs, priority), Map.of()));
        List<VmSpec> vms = new ArrayList<>(s.vms());
        vms.set(guest, new VmSpec(v.name(), v.vcpus(), v.pin(), v.placement(), v.vcpuPolicy(), v.vcpuPriority(),
                v.vcpuFair(), v.idle(), v.haltPollNs(), v.cpuPm(), v.vmm(), v.guestHaltPoll(), v.qemu(), v.kernel(),
                workload));
        return new ScenarioSpec(s.name(), s.description(), s.seed(), s.durationNs(), s.warmupNs(), s.replications(),
                s.hardware(), s.host(), List.copyOf(vms), s.events(), s.measure(), s.slo(), s.uncertain(), s.source(),
                s.locations());
    }

    /** One osnoise task per CPU of {@code threads}, released from the warm-up's end, scheduled as {@code priority}. */
    static List<WorkloadSpec.PeriodicTaskSpec> tasks(ScenarioSpec s, Map<Integer, String> threads, long periodNs,
                                                     long runtimeNs, String priority) {
        String[] p = priority.split(":", 2);
        SchedPolicy policy;
        int prio = 0;
        int nice = 0;
        try {
            int n = p.length == 2 ? Integer.parseInt(p[1]) : Integer.MIN_VALUE;
            switch (p[0]) {
                case "o", "O" -> {
                    policy = SchedPolicy.OTHER;
                    nice = n;
                    if (nice < -20 || nice > 19) {
                        throw new NumberFormatException();
                    }
                }
                case "f", "F", "r", "R" -> {
                    policy = p[0].equalsIgnoreCase("f") ? SchedPolicy.FIFO : SchedPolicy.RR;
                    prio = n;
                    if (prio < 1 || prio > 99) {
                        throw new NumberFormatException();
                    }
                }
                default -> throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new Errors.BadInput("--priority " + priority + ": expected o:NICE (-20..19), f:PRIO or r:PRIO (1..99)");
        }
        List<WorkloadSpec.PeriodicTaskSpec> tasks = new ArrayList<>();
        for (Map.Entry<Integer, String> t : threads.entrySet()) {
            tasks.add(new WorkloadSpec.PeriodicTaskSpec(t.getValue(), periodNs, new DistSpec.Fixed(runtimeNs), prio,
                    policy, t.getKey(), s.warmupNs(), periodNs, List.of(), new FairSpec(nice, 0)));
        }
        return tasks;
    }
}
