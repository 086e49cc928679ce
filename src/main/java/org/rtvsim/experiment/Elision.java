package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.Task;
import org.rtvsim.virt.VirtualMachine;
import org.rtvsim.workload.KernelActivity;

/**
 * Which load — a {@code kernel_activity}, a {@code device_irq} source, a guest's {@code emulated_io} — cannot
 * reach a measured CPU, so that a run whose results are its latency samples ({@code measure.scope: latency})
 * need not simulate it (issue 17). The decision is static, made on the built model before it starts, and
 * conservative: a source is left out only if no chain of the couplings below leads from one of its CPUs to a
 * CPU where a measured task (a cyclictest thread, a periodic or lock-sharing task) may run. Since every
 * component draws from its own named streams (kernel and KVM costs per CPU and per vCPU), leaving a source out
 * changes no other component's numbers, so the measured samples are exactly those of the full run.
 *
 * <p>The couplings of the model, each an edge between CPUs (nodes are a kernel's CPUs: the host's and every
 * guest's):
 * <ol>
 *   <li>a task couples every CPU of its affinity mask (placement, balancing, push/pull move it among them);</li>
 *   <li>a kernel_activity couples all CPUs of its tasks (its spinlocks are shared by all of them);</li>
 *   <li>a device_irq source couples its CPUs: its handler and softirq lengths come from one stream each, drawn
 *       when an interrupt is handled, so the order of handling across its CPUs (which their states decide)
 *       decides which CPU gets which length; an emulated_io source likewise shares one service stream;</li>
 *   <li>a kernel's non-isolated CPUs are coupled with each other (the sched domain: periodic, idle and NO_HZ
 *       balancing, unbound workqueue items);</li>
 *   <li>a vCPU couples its guest CPU with the host CPUs its thread may run on (supply, exits, entries);</li>
 *   <li>qemu's BQL couples the host CPUs of the I/O thread with the guest CPUs whose {@code emulated_io}
 *       takes it (the only vCPU path that takes the BQL, {@code Vcpu.emulatedAccess});</li>
 *   <li>a lock not listed above (a periodic workload's mutexes are between measured tasks) stops the
 *       analysis: nothing is left out.</li>
 * </ol>
 * Not couplings: a device's arrival times (drawn independently of the machine's state and delivered
 * round-robin; its IRQ threads are pinned), SMIs (all CPUs at once, state-independent), per-CPU housekeeping
 * sources, and RCU callbacks offloaded from {@code rcu_nocbs} CPUs (they flow from the isolated CPU to a
 * housekeeping one, never back). Global couplings disable the analysis: a cache hog (the shared LLC), any
 * {@code events:} entry (stop_machine, IPIs to all CPUs, frequency changes, migrations), and a trace.
 */
final class Elision {
    private Elision() {
    }

    /**
     * One load source of the model that may be left out: {@code source} is the model object (its starter asks
     * {@link Model#elided}), {@code cpus} every CPU of {@code kernel} it runs on or raises work on, all coupled
     * with each other, and {@code locks} the locks only it takes.
     */
    record Candidate(Object source, Kernel kernel, String path, String label, CpuSet cpus, List<Lock> locks) {

        static Candidate of(KernelActivity a, Kernel k) {
            BitSet cpus = new BitSet();
            for (Task t : a.tasks()) {
                for (int cpu : t.allowedCpus()) {
                    cpus.set(cpu);
                }
            }
            return new Candidate(a, k, a.path(), a.label(), CpuSet.of(cpus.stream().toArray()), a.locks());
        }
    }

    /** The model's facts the analysis needs, collected by {@link ModelBuilder}. */
    static final class Facts {
        final List<Candidate> sources = new ArrayList<>();
        final List<Task> measured = new ArrayList<>();
        /** Guest CPUs whose emulated I/O takes the BQL, per VM. */
        final Map<VirtualMachine, BitSet> bqlCpus = new IdentityHashMap<>();
        /** Locks taken only by the tasks of one periodic workload (all measured). */
        final Set<Lock> measuredLocks = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** A CPU of one kernel. */
    private record Node(Kernel kernel, int cpu) {
    }

    /**
     * The sources that no coupling chain connects to a measured CPU, in model order; empty when the
     * analysis does not apply (see the class comment).
     */
    static List<Candidate> unobserved(Model m, Facts facts, boolean globalCoupling) {
        if (globalCoupling || facts.sources.isEmpty()) {
            return List.of();
        }
        List<Kernel> kernels = new ArrayList<>();
        kernels.add(m.host);
        List<VirtualMachine> vms = m.kvm == null ? List.of() : m.kvm.vms();
        for (VirtualMachine vm : vms) {
            kernels.add(vm.kernel());
        }
        Map<Kernel, Integer> base = new IdentityHashMap<>();
        int n = 0;
        for (Kernel k : kernels) {
            base.put(k, n);
            n += k.cpuCount();
        }
        if (!locksAccountedFor(kernels, facts, vms)) {
            return List.of();
        }
        UnionFind uf = new UnionFind(n);
        for (Kernel k : kernels) {
            int b = base.get(k);
            for (Task t : k.tasks()) {
                join(uf, b, t.allowedCpus());
            }
            join(uf, b, k.housekeeping()); // the sched domain of the non-isolated CPUs
        }
        for (Candidate c : facts.sources) {
            join(uf, base.get(c.kernel()), c.cpus()); // shared spinlocks, or one stream drawn across its CPUs
        }
        int hb = base.get(m.host);
        for (VirtualMachine vm : vms) {
            int gb = base.get(vm.kernel());
            for (int i = 0; i < vm.vcpus().size(); i++) {
                for (int h : vm.vcpu(i).thread().allowedCpus()) {
                    uf.union(gb + i, hb + h);
                }
            }
            BitSet bql = facts.bqlCpus.get(vm);
            if (bql != null && !bql.isEmpty() && vm.qemu() != null) {
                int io = hb + vm.qemu().ioThread().allowedCpus().get(0);
                for (int g = bql.nextSetBit(0); g >= 0; g = bql.nextSetBit(g + 1)) {
                    uf.union(gb + g, io);
                }
            }
        }
        BitSet measuredRoots = new BitSet();
        for (Task t : facts.measured) {
            int b = base.get(t.kernel());
            for (int cpu : t.allowedCpus()) {
                measuredRoots.set(uf.find(b + cpu));
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : facts.sources) {
            int b = base.get(c.kernel());
            CpuSet cpus = c.cpus();
            boolean reaches = false;
            for (int cpu : cpus) {
                reaches |= measuredRoots.get(uf.find(b + cpu));
            }
            if (!reaches && !cpus.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether every lock of every kernel is one whose users the analysis knows (see the class comment). */
    private static boolean locksAccountedFor(List<Kernel> kernels, Facts facts, List<VirtualMachine> vms) {
        Set<Lock> known = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(facts.measuredLocks);
        for (Candidate c : facts.sources) {
            known.addAll(c.locks());
        }
        for (VirtualMachine vm : vms) {
            if (vm.qemu() != null) {
                known.add(vm.qemu().bql());
            }
        }
        for (Kernel k : kernels) {
            for (Lock l : k.locking().locks().values()) {
                if (!known.contains(l)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void join(UnionFind uf, int base, CpuSet cpus) {
        int first = -1;
        for (int cpu : cpus) {
            if (first < 0) {
                first = cpu;
            } else {
                uf.union(base + first, base + cpu);
            }
        }
    }

    /** The note a run prints for the sources it left out. */
    static String note(List<Candidate> elided) {
        StringBuilder sb = new StringBuilder("not simulated (measure.scope: latency): ");
        for (int i = 0; i < elided.size(); i++) {
            Candidate c = elided.get(i);
            sb.append(i == 0 ? "" : "; ").append(c.path()).append(" (").append(c.label())
                    .append(" on ").append(c.kernel().path()).append(" CPUs ").append(c.cpus()).append(")");
        }
        return sb.append(": no measured thread can meet it; its host-wide diagnostics (longest waits) are absent."
                + " measure.scope: everything simulates it").toString();
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
