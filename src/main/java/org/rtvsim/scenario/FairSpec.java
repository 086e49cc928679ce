package org.rtvsim.scenario;

/**
 * The fair-class settings of a task ({@code nice:}, {@code slice:} next to a {@code policy:} key): its nice
 * value −20..19 (its EEVDF weight; no effect on fifo, rr and idle) and the slice it asks for with
 * sched_setattr's sched_runtime (ns, 0 = the kernel's base slice {@code host.kernel.fair_slice}).
 */
public record FairSpec(int nice, long sliceNs) {
    public static final FairSpec DEFAULT = new FairSpec(0, 0);

    /** sched_setattr clamps a fair task's sched_runtime to 0.1 ms..100 ms ([K] kernel/sched/syscalls.c). */
    public static final long MIN_SLICE_NS = 100_000L;
    public static final long MAX_SLICE_NS = 100_000_000L;

    /** Reads {@code nice} and {@code slice} of section {@code s}. */
    static FairSpec bind(Section s) {
        int nice = s.integer("nice", 0, -20, 19);
        long slice = s.durationNs("slice", 0);
        if (s.has("slice") && (slice < MIN_SLICE_NS || slice > MAX_SLICE_NS)) {
            throw Values.error(s.node("slice"), s.key("slice"), "expected a slice in 100us..100ms "
                    + "(the range sched_setattr accepts for sched_runtime); got " + slice + " ns");
        }
        return nice == 0 && slice == 0 ? DEFAULT : new FairSpec(nice, slice);
    }
}
