package org.rtvsim.virt;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.scenario.KernelSpec;
import org.rtvsim.scenario.KvmSpec;
import org.rtvsim.scenario.VmSpec;

/**
 * KVM on one host kernel: its guests, and the host mechanisms that reach every vCPU — the kvmclock
 * periodic sync (every {@code kvmclock_sync_period}, a KVM_REQ_CLOCK_UPDATE and a kick for every vCPU,
 * unless {@code rt_kvm.kvmclock_periodic_sync} is off) and RCU grace periods that need a quiescent state
 * from nohz_full CPUs staying in guest mode (forced with an IPI unless
 * {@code rt_kvm.extended_rcu_qs_in_guest}).
 */
public final class Kvm {
    /** [R] jiffies_till_first_fqs: RCU forces quiescent states about 3 jiffies into a grace period. */
    static final long FQS_DELAY_JIFFIES = 3;

    private final Kernel host;
    private final KvmSpec spec;
    private final double freqHz;
    private final org.rtvsim.hw.CStates hostCstates;
    private final KvmLabels labels;
    private final List<VirtualMachine> vms = new ArrayList<>();
    private final int rcuBlame;
    private final int masterclockBlame;

    /** @param hostCstates the machine's idle states (a guest halting in guest mode enters C1 natively) */
    public Kvm(Kernel host, KvmSpec spec, double freqHz, org.rtvsim.hw.CStates hostCstates) {
        this.hostCstates = hostCstates;
        this.host = host;
        this.spec = spec;
        this.freqHz = freqHz;
        this.labels = new KvmLabels(host.blames());
        this.rcuBlame = host.blames().id("host: RCU forcing a quiescent state (IPI)");
        this.masterclockBlame = host.blames().id("kvm: master clock update");
    }

    /** Builds guest {@code vm}: vCPU threads on the host, its kernel, its qemu. */
    public VirtualMachine addVm(VmSpec vm) {
        VirtualMachine m = new VirtualMachine(host, vm, spec, labels, freqHz, hostCstates);
        vms.add(m);
        return m;
    }

    public List<VirtualMachine> vms() {
        return vms;
    }

    /** One note per guest whose timers are exitless: where they expire on the host. */
    public List<String> exitlessTimerNotes() {
        List<String> out = new ArrayList<>();
        for (VirtualMachine m : vms) {
            int cpu = m.exitlessTimerCpu();
            if (cpu >= 0) {
                out.add("exitless timer: the guest timers of " + m.name() + " (" + m.vcpus().size()
                        + (m.vcpus().size() == 1 ? " vCPU" : " vCPUs") + ") expire on host CPU " + cpu
                        + " and are posted without VM exits");
            }
        }
        return out;
    }

    /**
     * One note per host CPU that more than one vCPU thread is pinned to (more vCPUs than CPUs in their
     * partition: they take turns, and a vCPU's guest waits while its sibling runs).
     */
    public List<String> overcommitNotes() {
        java.util.Map<Integer, List<String>> byCpu = new java.util.TreeMap<>();
        for (VirtualMachine m : vms) {
            for (Vcpu v : m.vcpus()) {
                byCpu.computeIfAbsent(v.host.id(), k -> new ArrayList<>()).add(v.toString());
            }
        }
        List<String> out = new ArrayList<>();
        byCpu.forEach((cpu, list) -> {
            if (list.size() > 1) {
                out.add("overcommitted: host CPU " + cpu + " runs " + list.size() + " vCPU threads ("
                        + String.join(", ", list) + ")");
            }
        });
        return out;
    }

    /** Starts the guests and the host's KVM housekeeping. */
    public void start() {
        for (VirtualMachine m : vms) {
            m.start();
        }
        KernelSpec.RtKvmSpec rt = host.spec().rtKvm();
        Simulation sim = host.sim();
        boolean none = host.spec().overheads() == org.rtvsim.scenario.Overheads.NONE;
        if (none || vms.isEmpty()) {
            return;
        }
        if (rt == null || rt.kvmclockPeriodicSync()) {
            Sampler phase = Samplers.of(new DistSpec.Uniform(0, spec.kvmclockSyncNs()),
                    sim.streams().stream("host.kvm.kvmclock_sync.phase"));
            new Periodic(sim, spec.kvmclockSyncNs(), this::kvmclockSync).scheduleAt(sim.now() + phase.sampleNs());
        }
        if ((rt == null || !rt.extendedRcuQsInGuest()) && spec.rcuGpRate() > 0) {
            Sampler gap = Samplers.of(new DistSpec.Exponential(1e9 / spec.rcuGpRate()),
                    sim.streams().stream("host.kvm.rcu_gp.interval"));
            new GracePeriods(sim, gap).scheduleAt(sim.now() + gap.sampleNs());
        }
    }

    /**
     * A master-clock update (pvclock_gtod_notify after the host clock stopped being TSC-based, [K]
     * arch/x86/kvm/x86.c): KVM_REQ_MASTERCLOCK_UPDATE for every vCPU, each kicked out of guest mode and
     * updating its pvclock page ({@code kvmclock_update}) before it re-enters.
     */
    public void masterclockUpdate() {
        if (host.spec().overheads() == org.rtvsim.scenario.Overheads.NONE) {
            return;
        }
        for (VirtualMachine m : vms) {
            for (Vcpu v : m.vcpus()) {
                v.request(v.costs().kvmclockUpdate.sampleNs(), masterclockBlame);
            }
        }
    }

    private void kvmclockSync() {
        for (VirtualMachine m : vms) {
            for (Vcpu v : m.vcpus()) {
                v.request(v.costs().kvmclockUpdate.sampleNs(), labels.kvmclock);
            }
        }
    }

    /** RCU's force-quiescent-state pass: IPIs every nohz_full CPU whose vCPU stayed in guest mode since the GP began. */
    private void forceQuiescentStates(long gpStartNs) {
        for (VirtualMachine m : vms) {
            for (Vcpu v : m.vcpus()) {
                if (v.inGuest() && v.lastEnteredNs() < gpStartNs
                        && host.spec().nohzFull().contains(v.host.id())) {
                    host.callFunctionIpi(v.host.id(), null, rcuBlame);
                }
            }
        }
    }

    private static final class Periodic extends SimEvent {
        private final long periodNs;
        private final Runnable action;
        private final Simulation sim;

        Periodic(Simulation sim, long periodNs, Runnable action) {
            super(sim, Phase.INTERRUPT);
            this.sim = sim;
            this.periodNs = periodNs;
            this.action = action;
        }

        @Override
        protected void fire() {
            action.run();
            scheduleAt(sim.now() + periodNs);
        }
    }

    private final class GracePeriods extends SimEvent {
        private final Sampler gap;
        private final SimEvent fqs;
        private long gpStartNs;

        GracePeriods(Simulation sim, Sampler gap) {
            super(sim, Phase.INTERRUPT);
            this.gap = gap;
            long delay = FQS_DELAY_JIFFIES * 1_000_000_000L / Math.max(1, host.spec().hz());
            this.fqs = new SimEvent(sim, Phase.INTERRUPT) {
                @Override
                protected void fire() {
                    forceQuiescentStates(gpStartNs);
                }
            };
            this.fqsDelayNs = delay;
        }

        private final long fqsDelayNs;

        @Override
        protected void fire() {
            gpStartNs = host.sim().now();
            if (!fqs.isScheduled()) {
                fqs.scheduleAt(gpStartNs + fqsDelayNs);
            }
            scheduleAt(gpStartNs + gap.sampleNs());
        }
    }
}
