package org.rtvsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rtvsim.engine.Units;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.scenario.HardwareSpec;
import org.rtvsim.scenario.KernelSpec;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.WorkloadSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rtvsim validate}: loads the scenario and builds its model without running it, so every
 * error a run would report before simulating is reported here. Prints {@code OK: NAME (SOURCE)} and
 * a one-paragraph summary of what would be simulated.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario (load, validate, build the model) without running it.",
        footer = {"", "Exit codes: 0 valid, 2 bad input, 3 internal error."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ScenarioArgs scenario;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioSpec s = scenario.load();
        scenario.printNotes(spec.commandLine().getErr());
        ModelBuilder.build(s, 0);
        var out = spec.commandLine().getOut();
        out.println("OK: " + s.name() + " (" + s.source() + ")");
        out.println(summary(s));
        out.flush();
        return Errors.OK;
    }

    /** One paragraph: machine, kernel, workloads, VMs, run length and SLO. */
    static String summary(ScenarioSpec s) {
        HardwareSpec hw = s.hardware();
        KernelSpec k = s.host().kernel();
        StringBuilder sb = new StringBuilder();
        sb.append(hw.cpus()).append(hw.cpus() == 1 ? " CPU" : " CPUs")
                .append(", clocksource ").append(hw.clocksource().key())
                .append(hw.smi() != null ? ", SMIs" : "")
                .append("; host kernel preempt=").append(k.preempt().key())
                .append(", HZ=").append(k.hz());
        if (!k.isolcpus().isEmpty()) {
            sb.append(", isolcpus ").append(k.isolcpus());
        }
        sb.append("; workloads: ").append(String.join(", ", workloads(s.host().workload())));
        if (!s.vms().isEmpty()) {
            sb.append("; ").append(s.vms().size()).append(s.vms().size() == 1 ? " VM" : " VMs");
            for (int i = 0; i < Math.min(3, s.vms().size()); i++) {
                sb.append(i == 0 ? ": " : "; ").append(vm(s.vms().get(i)));
            }
            if (s.vms().size() > 3) {
                sb.append("; … and ").append(s.vms().size() - 3).append(" more");
            }
        }
        sb.append("; seed ").append(s.seed())
                .append(", duration ").append(Units.formatNs(s.durationNs()))
                .append(" after ").append(Units.formatNs(s.warmupNs())).append(" warm-up");
        if (s.slo() != null) {
            sb.append("; SLO ").append(RunSlo.percentileName(s.slo().percentile()))
                    .append(" < ").append(Units.formatNs(s.slo().belowNs()));
        }
        return sb.append('.').toString();
    }

    /** "rt (8 vCPUs on host CPUs 4-11, fifo 1, idle poll; guest preempt=rt; workloads: …)". */
    private static String vm(org.rtvsim.scenario.VmSpec v) {
        org.rtvsim.engine.CpuSet cpus = org.rtvsim.engine.CpuSet.of(v.placement());
        return v.name() + " (" + v.vcpus() + (v.vcpus() == 1 ? " vCPU" : " vCPUs") + " on host CPU"
                + (cpus.size() == 1 ? " " : "s ") + cpus + (cpus.size() < v.vcpus() ? ", overcommitted" : "")
                + ", " + v.vcpuPolicy().key() + " " + v.vcpuPriority() + ", idle " + v.idle()
                + (v.cpuPm() ? ", cpu_pm" : "") + "; guest preempt=" + v.kernel().preempt().key()
                + "; workloads: " + String.join(", ", workloads(v.workload())) + ")";
    }

    private static List<String> workloads(List<WorkloadSpec> ws) {
        List<String> out = new ArrayList<>();
        for (WorkloadSpec w : ws) {
            if (w instanceof WorkloadSpec.CyclictestSpec c) {
                out.add("cyclictest (" + c.threads() + (c.threads() == 1 ? " thread" : " threads")
                        + ", " + c.policy().key() + " " + c.priority()
                        + ", interval " + Units.formatNs(c.intervalNs()) + ")");
            } else if (w instanceof WorkloadSpec.PeriodicSpec p) {
                out.add("periodic (" + p.tasks().size() + (p.tasks().size() == 1 ? " task)" : " tasks)"));
            } else if (w instanceof WorkloadSpec.KernelActivitySpec a) {
                out.add("kernel_activity (" + (a.profile() != null ? a.profile() : "custom segments")
                        + (a.cpus() != null ? " on CPUs " + a.cpus() : "") + ")");
            } else if (w instanceof WorkloadSpec.DeviceIrqSpec d) {
                out.add("device_irq (" + d.name() + ")");
            } else {
                out.add(w.path().substring(w.path().lastIndexOf('.') + 1).replaceFirst("\\[\\d+]$", ""));
            }
        }
        return out.isEmpty() ? List.of("none") : out;
    }
}
