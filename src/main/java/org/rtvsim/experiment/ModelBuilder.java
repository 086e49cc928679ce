package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.Simulation;
import org.rtvsim.engine.StreamRegistry;
import org.rtvsim.hw.CStates;
import org.rtvsim.hw.ClockRead;
import org.rtvsim.hw.Machine;
import org.rtvsim.hw.SmiSource;
import org.rtvsim.hw.Supply;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.scenario.Clocksource;
import org.rtvsim.scenario.HardwareSpec;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.SystemEventSpec;
import org.rtvsim.scenario.WorkloadSpec;
import org.rtvsim.workload.CacheHog;
import org.rtvsim.workload.Cyclictest;
import org.rtvsim.workload.DeviceIrqSource;
import org.rtvsim.workload.EmulatedIo;
import org.rtvsim.virt.Kvm;
import org.rtvsim.virt.VirtualMachine;
import org.rtvsim.scenario.VmSpec;
import org.rtvsim.workload.KernelActivity;
import org.rtvsim.workload.PeriodicTasks;
import org.rtvsim.workload.SystemEvents;

/**
 * Builds runtime model objects from validated spec records: the third loading step
 * (YAML → merged tree → spec records → model). Parts of the scenario format whose model belongs
 * to a later milestone are rejected here with a clear message rather than silently ignored.
 */
public final class ModelBuilder {
    /** Clock read costs when not overridden: TSC 25 ns, HPET 1 µs, acpi_pm 2 µs (model-reference.md). */
    static final Map<Clocksource, Long> CLOCK_READ_NS = Map.of(
            Clocksource.TSC, 25L, Clocksource.HPET, 1_000L, Clocksource.ACPI_PM, 2_000L);

    private ModelBuilder() {
    }

    public static Model build(ScenarioSpec spec, int replication) {
        rejectUnmodelled(spec);
        Simulation sim = new Simulation(new StreamRegistry(spec.seed(), replication));
        BlameRegistry blames = new BlameRegistry();
        HardwareSpec hw = spec.hardware();
        CStates cstates = cstates(hw.cstates(), blames, sim);
        DistSpec readCost = hw.clockReadNs() != null ? hw.clockReadNs()
                : new DistSpec.Fixed(CLOCK_READ_NS.get(hw.clocksource()));
        ClockRead clock = new ClockRead(hw.clocksource().key(),
                Samplers.of(readCost, sim.streams().stream("hardware.clock_read")),
                blames.id("clock read (" + hw.clocksource().key() + ")"));
        List<SmiSource> smis = new ArrayList<>();
        Machine machine = new Machine(hw.cpus(), cstates, clock, smis);
        if (hw.smi() != null) {
            smis.add(new SmiSource(sim, machine.cpus(),
                    Samplers.of(hw.smi().intervalNs(), sim.streams().stream("hardware.smi.interval")),
                    Samplers.of(hw.smi().durationNs(), sim.streams().stream("hardware.smi.duration")),
                    blames.id("SMI (firmware)")));
        }
        Supply[] supplies = machine.cpus();
        Kernel host = new Kernel(sim, "host", spec.host().kernel(), supplies, cstates, blames);
        Model m = new Model(sim, machine, host);
        m.latencyScope = spec.measure().scope() == org.rtvsim.scenario.MeasureSpec.Scope.LATENCY;
        m.cache = CacheModel.build(spec, blames, sim.streams());
        m.globalCoupling = m.cache != null || !spec.events().isEmpty();
        host.setCache(m.cache);
        org.rtvsim.kernel.Housekeeping hostHk = new org.rtvsim.kernel.Housekeeping(host,
                spec.host().kernel().housekeeping(), "host");
        m.starters.add(hostHk::start);
        var hostStock = new org.rtvsim.kernel.StockSections(host, spec.host().kernel().stockSections(), "host");
        m.starters.add(hostStock::start);
        long warmupEnd = spec.warmupNs();
        for (WorkloadSpec w : spec.host().workload()) {
            addWorkload(m, spec, w, warmupEnd, host, null);
        }
        if (!spec.vms().isEmpty()) {
            m.kvm = new Kvm(host, spec.host().kvm(), hw.freqHz(), m.machine.cstates());
            for (VmSpec vs : spec.vms()) {
                VirtualMachine vm = m.kvm.addVm(vs);
                vm.kernel().setCache(m.cache, vs.placement());
                var guestHk = new org.rtvsim.kernel.Housekeeping(vm.kernel(), vs.kernel().housekeeping(), vm.path());
                m.starters.add(guestHk::start);
                var guestStock = new org.rtvsim.kernel.StockSections(vm.kernel(), vs.kernel().stockSections(), vm.path());
                m.starters.add(guestStock::start);
                for (WorkloadSpec w : vs.workload()) {
                    addWorkload(m, spec, w, warmupEnd, vm.kernel(), vm);
                }
            }
        }
        for (SystemEventSpec e : spec.events()) {
            SystemEvents ev = new SystemEvents(host, clock, e, CLOCK_READ_NS, hw.freqHz());
            ev.setKvm(m.kvm);
            m.starters.add(ev::start);
        }
        return m;
    }

    private static void addWorkload(Model m, ScenarioSpec spec, WorkloadSpec w, long warmupEnd, Kernel k,
                                    VirtualMachine vm) {
        try {
            addWorkload(m, spec, w, warmupEnd, k, vm, spec.measure());
        } catch (IllegalArgumentException e) { // a configuration the model cannot build, e.g. a lock kind clash
            throw spec.error(w.path(), e.getMessage());
        }
    }

    private static void addWorkload(Model m, ScenarioSpec spec, WorkloadSpec w, long warmupEnd, Kernel k,
                                    VirtualMachine vm, org.rtvsim.scenario.MeasureSpec measure) {
        CStates cstates = vm == null ? m.machine.cstates() : CStates.none();
        if (w instanceof WorkloadSpec.CyclictestSpec c) {
            Cyclictest ct = new Cyclictest(k, c, m.machine.clockRead(), cstates, warmupEnd,
                    measure.bucketNs(), measure.buckets(), measure.attribution());
            m.latency.addAll(ct.recorders());
            m.facts.measured.addAll(ct.tasks());
            m.starters.add(ct::start);
        } else if (w instanceof WorkloadSpec.PeriodicSpec p) {
            PeriodicTasks pt = new PeriodicTasks(k, p, warmupEnd, measure.attribution());
            m.responses.addAll(pt.recorders());
            measured(m, k, pt, p);
            m.starters.add(() -> pt.start(0));
        } else if (w instanceof WorkloadSpec.LockSharingSpec ls) {
            WorkloadSpec.PeriodicSpec ps = asPeriodic(ls);
            PeriodicTasks pt = new PeriodicTasks(k, ps, warmupEnd, measure.attribution());
            m.responses.addAll(pt.recorders());
            measured(m, k, pt, ps);
            m.starters.add(() -> pt.start(0));
        } else if (w instanceof WorkloadSpec.KernelActivitySpec a) {
            KernelActivity ka = new KernelActivity(k, a);
            m.facts.sources.add(Elision.Candidate.of(ka, k));
            m.starters.add(() -> {
                if (!m.elided(ka)) {
                    ka.start();
                }
            });
        } else if (w instanceof WorkloadSpec.CacheHogSpec h) {
            CacheHog hog = new CacheHog(k, h, m.cache, CacheModel.waysOf(spec, h, m.cache,
                    vm == null ? cpu -> cpu : vm.spec()::hostCpuOf));
            m.starters.add(hog::start);
        } else if (w instanceof WorkloadSpec.DeviceIrqSpec d) {
            DeviceIrqSource src = new DeviceIrqSource(k, d);
            m.facts.sources.add(new Elision.Candidate(src, k, d.path(), d.name() + " interrupts", src.cpus(),
                    List.of()));
            m.starters.add(() -> {
                if (!m.elided(src)) {
                    src.start(0);
                }
            });
        } else if (w instanceof WorkloadSpec.EmulatedIoSpec e) {
            if (vm == null) {
                throw spec.error(w.path(), "emulated_io runs in a guest: move it to "
                        + "vms[NAME].workload");
            }
            EmulatedIo io = new EmulatedIo(vm, e);
            if (e.needsBql()) {
                java.util.BitSet cpus = m.facts.bqlCpus.computeIfAbsent(vm, v -> new java.util.BitSet());
                for (int c : io.cpus()) {
                    cpus.set(c);
                }
            }
            m.facts.sources.add(new Elision.Candidate(io, k, e.path(), "emulated I/O", io.cpus(), List.of()));
            m.starters.add(() -> {
                if (!m.elided(io)) {
                    io.start();
                }
            });
        } else {
            throw unmodelled(spec, w.path(), "this workload kind");
        }
    }

    /** Records a periodic workload's tasks and the locks they take as measured (for {@link Elision}). */
    private static void measured(Model m, Kernel k, PeriodicTasks pt, WorkloadSpec.PeriodicSpec p) {
        m.facts.measured.addAll(pt.measuredTasks());
        for (var t : p.tasks()) {
            for (var cs : t.allLocks()) {
                var l = k.locking().locks().get(cs.lock());
                if (l != null) {
                    m.facts.measuredLocks.add(l);
                }
            }
        }
    }

    private static void rejectUnmodelled(ScenarioSpec spec) {
        for (int i = 0; i < spec.events().size(); i++) {
            SystemEventSpec e = spec.events().get(i);
            if (!SystemEventSpec.SIMULATED.contains(e.kind())) {
                throw spec.error(e.path(), "the system operation '" + e.kind()
                        + "' loads and validates, but this version of rtvsim does not simulate it yet (simulated: "
                        + String.join(", ", SystemEventSpec.SIMULATED) + "); remove the entry");
            }
        }
    }

    /** A lock_sharing workload is a periodic task set whose locks are all pthread mutexes of its protocol. */
    static WorkloadSpec.PeriodicSpec asPeriodic(WorkloadSpec.LockSharingSpec ls) {
        Map<String, WorkloadSpec.MutexSpec> mutexes = new java.util.LinkedHashMap<>();
        for (var t : ls.tasks()) {
            for (var cs : t.allLocks()) {
                mutexes.putIfAbsent(cs.lock(), new WorkloadSpec.MutexSpec(cs.lock(), "pthread_mutex", ls.protocol(),
                        ls.ceiling(), false));
            }
        }
        return new WorkloadSpec.PeriodicSpec(ls.path(), ls.tasks(), mutexes);
    }

    private static ScenarioException unmodelled(ScenarioSpec spec, String key, String what) {
        return spec.error(key, what
                + " load and validate, but this version of rtvsim does not simulate them yet; remove the key");
    }

    private static CStates cstates(HardwareSpec.CStatesSpec cs, BlameRegistry blames, Simulation sim) {
        if (cs == null || cs.exitLatencyNs().isEmpty()) {
            return CStates.none();
        }
        int n = cs.exitLatencyNs().size();
        String[] names = new String[n];
        long[] exit = new long[n];
        long[] res = new long[n];
        int[] ids = new int[n];
        int i = 0;
        // a max_cstate that names no table entry (C0, POLL) leaves only polling idle
        int deepest = cs.maxCstate() == null ? n - 1 : -1;
        for (var e : cs.exitLatencyNs().entrySet()) {
            names[i] = e.getKey();
            exit[i] = e.getValue();
            Long r = cs.targetResidencyNs() == null ? null : cs.targetResidencyNs().get(e.getKey());
            res[i] = r != null ? r : 3 * e.getValue();
            ids[i] = blames.id("C-state exit (" + e.getKey() + ")");
            if (e.getKey().equals(cs.maxCstate())) {
                deepest = i;
            }
            i++;
        }
        Sampler[] times = new Sampler[n];
        for (int k = 0; k < n; k++) {
            DistSpec t = cs.exitTimeNs().get(names[k]);
            times[k] = t == null ? null : Samplers.of(t, sim.streams().stream("hardware.cstates.exit_time." + names[k]));
        }
        Sampler fraction = cs.exitFraction() == null ? null
                : Samplers.of(cs.exitFraction(), sim.streams().stream("hardware.cstates.exit_fraction"));
        return new CStates(names, exit, res, deepest, ids)
                .withGovernor(CStates.Governor.valueOf(cs.governor().toUpperCase(java.util.Locale.ROOT)))
                .withExitCost(fraction, times);
    }
}
