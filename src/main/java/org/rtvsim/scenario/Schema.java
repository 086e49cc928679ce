package org.rtvsim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario's key structure: which keys each section accepts and what shape each key's value has.
 * Binders check unknown keys against it, and {@code --set} uses it to allow adding a key that is valid
 * but absent from the file. Values (units, ranges) are checked by the binders, not here.
 */
final class Schema {

    /** The shape of a node: a section with known keys, a list of sections, an open mapping, or a value. */
    enum Shape {
        ROOT, HARDWARE, LLC, CAT, CAT_CLASSES, CAT_CLASS, SMI, CSTATES, HOST, KERNEL, RT_THROTTLING, FAIR_SERVER, RT_KVM, COSTS,
        WORKLOADS, WORKLOAD, CYCLICTEST, PERIODIC, TASKS, TASK, PHASES, PHASE, SYNCS, SYNC, LOCKS, LOCK, KERNEL_ACTIVITY, SEGMENTS, SEGMENT,
        DEVICE_IRQ, EMULATED_IO, CACHE_HOG, LOCK_SHARING, MUTEX, VMS, VM, VCPU_SCHED, KVM, QEMU, IO_THREAD, MAIN_LOOP,
        GUEST_HALT_POLL,
        EVENTS, MEASURE, HISTOGRAM, TRACE, SLO, UNCERTAIN, UNCERTAIN_ENTRY, HOUSEKEEPING, HK_RATE, HK_PERIODIC, HK_KWORKER,
        SECTIONS, STOCK_SECTIONS, STOCK_SOURCE,
        /** A mapping whose keys are free (qemu options, C-state names, event fields, distributions). */
        OPEN,
        /** A scalar or a flow value that is not stepped into (numbers, strings, percentiles). */
        VALUE
    }

    static final List<String> WORKLOAD_KINDS = List.of("cyclictest", "periodic", "kernel_activity", "device_irq",
            "emulated_io", "cache_hog", "lock_sharing");

    private static final Map<Shape, Map<String, Shape>> SECTIONS = Map.ofEntries(
            Map.entry(Shape.ROOT, Map.ofEntries(v("name"), v("description"), v("extends"), v("seed"), v("duration"),
                    v("warmup"), v("replications"), s("hardware", Shape.HARDWARE), s("host", Shape.HOST),
                    s("vms", Shape.VMS), s("events", Shape.EVENTS), s("measure", Shape.MEASURE),
                    s("slo", Shape.SLO), s("uncertain", Shape.UNCERTAIN))),
            Map.entry(Shape.HARDWARE, Map.ofEntries(v("profile"), v("cpus"), v("smt"), v("freq"), s("llc", Shape.LLC),
                    s("cat", Shape.CAT), v("dram_latency"), s("smi", Shape.SMI), s("cstates", Shape.CSTATES),
                    v("clocksource"), o("clock_read"))),
            Map.entry(Shape.LLC, Map.ofEntries(v("size"), v("ways"), v("wakeup_lines"), v("mlp"), v("l2_size"),
                    v("hit_latency"))),
            Map.entry(Shape.CAT, Map.ofEntries(s("classes", Shape.CAT_CLASSES))),
            Map.entry(Shape.CAT_CLASS, Map.ofEntries(v("ways"), v("cpus"))),
            Map.entry(Shape.SMI, Map.ofEntries(o("interval"), o("duration"))),
            Map.entry(Shape.CSTATES, Map.ofEntries(o("exit_latency"), o("target_residency"), v("max_cstate"),
                    v("governor"), v("exit_fraction"), o("exit_time"))),
            Map.entry(Shape.HOST, Map.ofEntries(s("kernel", Shape.KERNEL), s("workload", Shape.WORKLOADS),
                    s("kvm", Shape.KVM))),
            Map.entry(Shape.KVM, Map.ofEntries(o("vm_exit"), o("vm_entry"), o("timer_injection"), o("msr_write"),
                    o("halt"), o("ipi_kick"), o("qemu_exit"), o("kvmclock_update"), v("kvmclock_sync_period"),
                    v("hv_timer"), v("rcu_gp_rate"), v("pi_inject_timer"), o("posted_interrupt"),
                    v("halt_poll_ns_grow"), v("halt_poll_ns_grow_start"), v("halt_poll_ns_shrink"))),
            Map.entry(Shape.QEMU, Map.ofEntries(s("io_thread", Shape.IO_THREAD), v("bql_pi"),
                    s("main_loop", Shape.MAIN_LOOP))),
            Map.entry(Shape.IO_THREAD, Map.ofEntries(v("cpus"), v("policy"), v("priority"), v("nice"), v("slice"))),
            Map.entry(Shape.MAIN_LOOP, Map.ofEntries(v("rate"), o("hold"))),
            Map.entry(Shape.KERNEL, Map.ofEntries(v("preempt"), v("hz"), v("isolcpus"), v("nohz_full"),
                    v("rcu_nocbs"), v("irqaffinity"), s("rt_throttling", Shape.RT_THROTTLING), v("version"),
                    s("fair_server", Shape.FAIR_SERVER),
                    s("rt_kvm", Shape.RT_KVM), v("overheads"), s("costs", Shape.COSTS), v("cond_resched_gap"),
                    v("rr_timeslice"), v("fair_slice"), v("timer_slack"), v("irq_thread_priority"),
                    s("housekeeping", Shape.HOUSEKEEPING), s("stock_sections", Shape.STOCK_SECTIONS))),
            Map.entry(Shape.STOCK_SECTIONS, Map.ofEntries(s("softirq", Shape.STOCK_SOURCE), s("rcu", Shape.STOCK_SOURCE),
                    s("reclaim", Shape.STOCK_SOURCE), s("printk", Shape.STOCK_SOURCE), s("irqoff", Shape.STOCK_SOURCE))),
            Map.entry(Shape.STOCK_SOURCE, Map.ofEntries(v("rate"), o("length"))),
            Map.entry(Shape.HOUSEKEEPING, Map.ofEntries(s("rcu_callbacks", Shape.HK_RATE), s("vmstat", Shape.HK_PERIODIC),
                    s("kworker", Shape.HK_KWORKER), s("timer_softirq", Shape.HK_RATE), v("rcu_kthread_prio"))),
            Map.entry(Shape.HK_RATE, Map.ofEntries(v("rate"), o("duration"))),
            Map.entry(Shape.HK_PERIODIC, Map.ofEntries(v("interval"), o("duration"))),
            Map.entry(Shape.HK_KWORKER, Map.ofEntries(v("rate"), v("unbound_rate"), o("duration"))),
            Map.entry(Shape.RT_THROTTLING, Map.ofEntries(v("runtime"), v("period"))),
            Map.entry(Shape.FAIR_SERVER, Map.ofEntries(v("runtime"), v("period"))),
            Map.entry(Shape.RT_KVM, Map.ofEntries(v("extended_rcu_qs_in_guest"), v("kvmclock_periodic_sync"),
                    v("stop_tick_for_fifo"), v("timer_advance"))),
            Map.entry(Shape.COSTS, Map.ofEntries(o("irq_entry"), o("timer_expiry"), o("context_switch"),
                    o("return_to_user"), o("tick"), o("ipi"), o("irq_thread_stub"), o("wakeup"), o("page_fault_minor"), o("page_fault_major"))),
            Map.entry(Shape.WORKLOAD, Map.ofEntries(s("cyclictest", Shape.CYCLICTEST), s("periodic", Shape.PERIODIC),
                    s("kernel_activity", Shape.KERNEL_ACTIVITY), s("device_irq", Shape.DEVICE_IRQ),
                    s("emulated_io", Shape.EMULATED_IO), s("cache_hog", Shape.CACHE_HOG),
                    s("lock_sharing", Shape.LOCK_SHARING))),
            Map.entry(Shape.CYCLICTEST, Map.ofEntries(v("threads"), v("cpus"), v("affinity"), v("priority"), v("policy"), v("nice"), v("slice"),
                    v("interval"), v("distance"), v("mlock"), v("latency_target"),
                    v("minor_fault_probability"), v("major_fault_probability"))),
            Map.entry(Shape.PERIODIC, Map.ofEntries(s("tasks", Shape.TASKS), o("mutexes"))),
            Map.entry(Shape.TASK, Map.ofEntries(v("name"), v("period"), o("wcet"), v("priority"), v("policy"), v("nice"), v("slice"),
                    v("cpu"), v("cpus"), v("offset"), v("deadline"), v("runtime"), v("reclaim"), s("locks", Shape.LOCKS),
                    s("phases", Shape.PHASES), v("repeat"), v("overrun"))),
            Map.entry(Shape.PHASE, Map.ofEntries(v("jobs"), v("period"), o("wcet"), v("deadline"),
                    s("locks", Shape.LOCKS), s("sync", Shape.SYNCS))),
            Map.entry(Shape.SYNC, Map.ofEntries(v("at"), v("op"), v("name"), v("mutex"), v("length"))),
            Map.entry(Shape.LOCK, Map.ofEntries(v("lock"), v("offset"), v("length"))),
            Map.entry(Shape.KERNEL_ACTIVITY, Map.ofEntries(v("cpus"), v("affinity"), v("tasks"), v("locks"), v("profile"), v("policy"), v("nice"), v("slice"),
                    s("segments", Shape.SEGMENTS), o("think"), o("sleep"), v("sleep_probability"),
                    s("sections", Shape.SECTIONS))),
            Map.entry(Shape.SECTIONS, Map.ofEntries(v("median"), v("sigma"), v("tail_alpha"), v("tail_xmin"),
                    v("tail_probability"), v("cap"))),
            Map.entry(Shape.SEGMENT, Map.ofEntries(v("kind"), o("length"), v("probability"))),
            Map.entry(Shape.DEVICE_IRQ, Map.ofEntries(v("name"), v("rate"), v("interval"), v("cpus"), o("handler"),
                    o("softirq"), v("threaded_priority"))),
            Map.entry(Shape.EMULATED_IO, Map.ofEntries(v("rate"), v("cpus"), o("service"), v("needs_bql"))),
            Map.entry(Shape.CACHE_HOG, Map.ofEntries(v("cpus"), v("bandwidth"), v("footprint"), v("cat_class"),
                    v("duty"), v("burst"))),
            Map.entry(Shape.LOCK_SHARING, Map.ofEntries(s("mutex", Shape.MUTEX), s("tasks", Shape.TASKS))),
            Map.entry(Shape.MUTEX, Map.ofEntries(v("protocol"), v("kind"), v("ceiling"), v("irqsave"))),
            Map.entry(Shape.VM, Map.ofEntries(v("name"), v("count"), v("vcpus"), v("pin"), s("vcpu_sched", Shape.VCPU_SCHED),
                    v("idle"), v("halt_poll"), v("cpu_pm"), v("vmm"), v("guest_haltpoll"),
                    s("guest_halt_poll", Shape.GUEST_HALT_POLL), s("qemu", Shape.QEMU), s("kernel", Shape.KERNEL), s("workload", Shape.WORKLOADS))),
            Map.entry(Shape.GUEST_HALT_POLL, Map.ofEntries(v("halt_poll"), v("grow"), v("shrink"), v("grow_start"),
                    v("allow_shrink"))),
            Map.entry(Shape.VCPU_SCHED, Map.ofEntries(v("policy"), v("priority"), v("nice"), v("slice"))),
            Map.entry(Shape.MEASURE, Map.ofEntries(s("histogram", Shape.HISTOGRAM), v("percentiles"),
                    v("attribution"), s("trace", Shape.TRACE), v("scope"))),
            Map.entry(Shape.HISTOGRAM, Map.ofEntries(v("bucket"), v("buckets"))),
            Map.entry(Shape.TRACE, Map.ofEntries(v("window"), v("around"))),
            Map.entry(Shape.SLO, Map.ofEntries(v("percentile"), v("below"))),
            Map.entry(Shape.UNCERTAIN_ENTRY, Map.ofEntries(v("path"), v("range"), o("prior"), v("why"))));

    private static final Map<Shape, Shape> LIST_ELEMENTS = Map.of(Shape.WORKLOADS, Shape.WORKLOAD,
            Shape.TASKS, Shape.TASK, Shape.PHASES, Shape.PHASE, Shape.SYNCS, Shape.SYNC, Shape.LOCKS, Shape.LOCK, Shape.SEGMENTS, Shape.SEGMENT, Shape.VMS, Shape.VM,
            Shape.EVENTS, Shape.OPEN, Shape.UNCERTAIN, Shape.UNCERTAIN_ENTRY);

    private Schema() {
    }

    private static Map.Entry<String, Shape> v(String key) {
        return Map.entry(key, Shape.VALUE);
    }

    private static Map.Entry<String, Shape> o(String key) {
        return Map.entry(key, Shape.OPEN);
    }

    private static Map.Entry<String, Shape> s(String key, Shape shape) {
        return Map.entry(key, shape);
    }

    /** The keys a section accepts; empty for open mappings and values. */
    static Set<String> keys(Shape shape) {
        Map<String, Shape> m = SECTIONS.get(shape);
        return m == null ? Set.of() : m.keySet();
    }

    /** Whether the shape is a mapping with free keys. */
    static boolean isOpen(Shape shape) {
        return shape == Shape.OPEN || shape == Shape.CAT_CLASSES;
    }

    /** Whether a mapping of this shape accepts the key. */
    static boolean accepts(Shape shape, String key) {
        return isOpen(shape) || keys(shape).contains(key);
    }

    /** The shape of a key's value in a mapping of the given shape. */
    static Shape child(Shape shape, String key) {
        if (shape == Shape.CAT_CLASSES) {
            return Shape.CAT_CLASS;
        }
        if (shape == Shape.OPEN) {
            return Shape.OPEN;
        }
        Map<String, Shape> m = SECTIONS.get(shape);
        return m == null ? Shape.VALUE : m.getOrDefault(key, Shape.VALUE);
    }

    /** The shape of a list's entries, or null when the shape is not a list. */
    static Shape element(Shape listShape) {
        return LIST_ELEMENTS.get(listShape);
    }

    /** Whether a value of this shape is a mapping (so {@code --set} may create it when stepping through). */
    static boolean isMapping(Shape shape) {
        return SECTIONS.containsKey(shape) || isOpen(shape);
    }
}
