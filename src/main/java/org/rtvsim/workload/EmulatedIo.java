package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.EmulatedIoSpec;
import org.rtvsim.virt.VirtualMachine;

/**
 * {@code emulated_io} in a guest: a SCHED_OTHER guest task per listed vCPU that accesses an emulated device
 * (PIO/MMIO handled in qemu userspace) at Poisson times, {@code rate} spread evenly over the tasks. Each
 * access exits to qemu on that vCPU ({@link org.rtvsim.virt.Vcpu#emulatedAccess}): the vCPU — and whatever
 * the guest runs there — stops for the exit, the BQL (when {@code needs_bql}) and {@code service}.
 */
public final class EmulatedIo {
    private final List<Task> tasks = new ArrayList<>();
    private final CpuSet cpus;

    public EmulatedIo(VirtualMachine vm, EmulatedIoSpec spec) {
        Kernel k = vm.kernel();
        this.cpus = spec.cpus() != null ? spec.cpus() : k.housekeeping();
        var streams = k.sim().streams();
        Sampler service = Samplers.of(spec.service(), streams.stream(spec.path() + ".service"));
        int blame = k.blames().id(vm.name() + ": emulated I/O access");
        double perTask = spec.rateHz() / cpus.size();
        for (int cpu : cpus) {
            Sampler gap = Samplers.of(new DistSpec.Exponential(1e9 / perTask),
                    streams.stream(spec.path() + ".arrivals.cpu" + cpu));
            var vcpu = vm.vcpu(cpu);
            TaskBehaviour b = new TaskBehaviour() {
                private boolean accessing;

                @Override
                public void next(Task t) {
                    if (!accessing) {
                        accessing = true;
                        if (t.sleepUntil(t.now() + Math.max(1, gap.sampleNs()), blame)) {
                            return;
                        }
                    }
                    accessing = false;
                    vcpu.emulatedAccess(service.sampleNs(), spec.needsBql());
                    t.run(0, SegmentKind.KERNEL, blame); // the access instruction completes after the exit
                }
            };
            tasks.add(k.createTask(vm.name() + "-io/" + cpu, SchedPolicy.OTHER, 0, cpu, b));
        }
    }

    /** The guest CPUs whose vCPUs make the accesses. */
    public CpuSet cpus() {
        return cpus;
    }

    public void start() {
        for (Task t : tasks) {
            t.kernel().wakeLocal(t);
        }
    }
}
