package org.rtvsim.virt;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.Units;
import org.rtvsim.hw.CStates;
import org.rtvsim.hw.Supply;
import org.rtvsim.kernel.Cpu;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.scenario.KernelSpec;
import org.rtvsim.scenario.KvmSpec;
import org.rtvsim.scenario.Overheads;
import org.rtvsim.scenario.VmSpec;

/**
 * One KVM guest: its vCPUs (host tasks on their pinned host CPUs, each supplying one guest CPU), the
 * guest's own {@link Kernel} (preemption model, HZ, isolcpus, nohz_full … of {@code vms[i].kernel}) built on
 * those supplies with emulated local timers, and its {@link Qemu}. Guest workloads are placed on the guest
 * kernel by the model builder.
 */
public final class VirtualMachine {
    private final VmSpec spec;
    private final String path;
    private final Kernel guest;
    private final List<Vcpu> vcpus = new ArrayList<>();
    private final Qemu qemu;
    private final boolean overcommitted;
    private final int exitlessTimerCpu;

    VirtualMachine(Kernel host, VmSpec spec, KvmSpec kvm, KvmLabels labels, double freqHz, CStates hostCstates) {
        this.spec = spec;
        this.path = "vms[" + spec.name() + "]";
        var sim = host.sim();
        Overheads overheads = host.spec().overheads();
        int guestBlame = host.blames().id("vCPU " + spec.name() + " in guest mode");
        Supply[] supplies = new Supply[spec.vcpus()];
        java.util.Set<Integer> used = new java.util.HashSet<>();
        boolean shared = false;
        for (int i = 0; i < spec.vcpus(); i++) {
            Cpu hc = host.cpu(spec.hostCpuOf(i));
            shared |= !used.add(hc.id());
            hc.hostVcpus();
            Vcpu v = new Vcpu(this, i, hc, new KvmCosts(kvm, overheads, sim.streams(), path + ".vcpu[" + i + "]"),
                    labels, guestBlame);
            v.thread = host.createTask("vcpu/" + spec.name() + "/" + i, spec.vcpuPolicy(), spec.vcpuPriority(),
                    hc.id(), v);
            v.thread.setNice(spec.vcpuFair().nice());
            v.thread.setSlice(spec.vcpuFair().sliceNs());
            v.thread.setGuestMode(v);
            hc.addBlameFollower(v);
            hc.watchWakeups(v::hostTaskWoken);
            // the guest's haltpoll driver disables host polling (MSR_KVM_POLL_CONTROL, kvm_arch_no_poll)
            v.halt = new HostHalt(spec.guestHaltPoll() == null ? new HaltPollWindow(kvm, spec.haltPollNs()) : null, hc);
            vcpus.add(v);
            supplies[i] = v;
        }
        this.overcommitted = shared;
        // a guest that halts in guest mode (cpu_pm) puts its host CPU into C1 and pays its exit on wake-up
        CStates idle = spec.cpuPm() && "halt".equals(spec.idle()) ? hostCstates.only("C1") : CStates.none();
        this.guest = new Kernel(sim, path, spec.kernel(), supplies, idle, host.blames());
        KernelSpec.RtKvmSpec rt = host.spec().rtKvm();
        String adv = rt == null ? "0ns" : rt.timerAdvance();
        boolean adaptive = "adaptive".equalsIgnoreCase(adv.trim());
        long advanceNs = adaptive ? VirtualLapic.ADVANCE_INIT_NS : Units.durationNs(adv);
        // kvm_can_post_timer_interrupt: pi_inject_timer, APICv (assumed) and HLT/MWAIT not exiting (cpu_pm);
        // kvm_can_use_hv_timer: not when MWAIT does not exit or timers can be posted
        boolean posted = spec.cpuPm() && kvm.piInjectTimer(!host.spec().nohzFull().isEmpty());
        Cpu postCpu = posted ? host.cpu(host.housekeeping().toArray()[0]) : null;
        this.exitlessTimerCpu = posted ? postCpu.id() : -1;
        int postedBlame = posted ? host.blames().id("kvm: posted timer interrupt") : 0;
        int lateBlame = posted ? host.blames().id("kvm: exitless timer expiry (housekeeping CPU)") : 0;
        for (Vcpu v : vcpus) {
            v.guest = guest.cpu(v.index());
            v.lapic = new VirtualLapic(v, sim, kvm.hvTimer() && !spec.cpuPm(), advanceNs, adaptive, freqHz,
                    v.costs().timerInjection, labels.timerHrtimer, postCpu, v.costs().postedInterrupt, postedBlame,
                    lateBlame);
            v.guest.useLocalTimer(v.lapic);
            if (spec.guestHaltPoll() != null) {
                v.guestPoll = new GuestHaltPoll(sim, new GuestPollWindow(spec.guestHaltPoll()), v.guest, v);
            }
        }
        int ioCpu = spec.qemu().ioCpus() != null ? spec.qemu().ioCpus().toArray()[0] : host.housekeeping().toArray()[0];
        this.qemu = new Qemu(host, path, spec.name(), spec.qemu(), ioCpu, spec.qemu().ioCpus(),
                overheads == Overheads.NONE);
    }

    public String name() {
        return spec.name();
    }

    /** The scenario path of this guest ({@code vms[NAME]}), the prefix of its streams. */
    public String path() {
        return path;
    }

    public VmSpec spec() {
        return spec;
    }

    /** The guest's kernel. */
    public Kernel kernel() {
        return guest;
    }

    public List<Vcpu> vcpus() {
        return vcpus;
    }

    public Vcpu vcpu(int i) {
        return vcpus.get(i);
    }

    public Qemu qemu() {
        return qemu;
    }

    /** Whether two of its vCPUs share a host CPU (more vCPUs than pinned CPUs). */
    public boolean overcommitted() {
        return overcommitted;
    }

    /** An idle guest CPU halts with a HLT exit (not with {@code cpu_pm}, where HLT stays in guest mode). */
    /** The host CPU whose hrtimers serve this guest's exitless timers, or -1 when they are not exitless. */
    public int exitlessTimerCpu() {
        return exitlessTimerCpu;
    }

    boolean haltsWhenIdle() {
        return "halt".equals(spec.idle()) && !spec.cpuPm();
    }

    void start() {
        for (Vcpu v : vcpus) {
            v.thread.kernel().wakeLocal(v.thread);
        }
        guest.start();
        qemu.start();
    }
}
