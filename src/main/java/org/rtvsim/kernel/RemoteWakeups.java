package org.rtvsim.kernel;

/**
 * Cross-CPU wake-ups (ttwu_queue): the waker queues the task on the target CPU's wake list and
 * sends a reschedule IPI. Its handling is interrupt entry ({@code costs.irq_entry}), the IPI handler
 * ({@code costs.ipi}), then one enqueue per queued task ({@code costs.wakeup}, ttwu_do_activate), each
 * setting need_resched where it preempts. IPIs are never threaded, in any preemption model.
 */
final class RemoteWakeups extends IrqActivity {
    private Task[] queue = new Task[8];
    private int count;
    private int phase;
    private int done;
    /** A nohz idle-balance kick (kick_ilb) rides on this IPI. */
    boolean kick;

    /** Wake-ups queued and not yet done. */
    int pending() {
        return count - done;
    }

    /**
     * The earliest deadline of the deadline tasks moved here and not yet enqueued (a push or pull already counts
     * them on this CPU's queue in the kernel, which enqueues under both run-queue locks); -1 when none.
     */
    long earliestMigratingDeadline() {
        long d = -1;
        for (int i = done; i < count; i++) {
            Task t = queue[i];
            if (t != null && t.migrating && t.dl != null && (d < 0 || t.dl.deadlineNs < d)) {
                d = t.dl.deadlineNs;
            }
        }
        return d;
    }

    /** How many deadline tasks moved here wait on the wake list (see {@link #earliestMigratingDeadline}). */
    int migratingDeadlineTasks() {
        int n = 0;
        for (int i = done; i < count; i++) {
            if (queue[i] != null && queue[i].migrating && queue[i].dl != null) {
                n++;
            }
        }
        return n;
    }

    void add(Task t) {
        for (int i = 0; i < count; i++) {
            if (queue[i] == t) {
                return;
            }
        }
        if (count == queue.length) {
            queue = java.util.Arrays.copyOf(queue, count * 2);
        }
        queue[count++] = t;
    }

    @Override
    boolean start(Cpu cpu, Segment seg) {
        phase = 0;
        done = 0;
        seg.setIrq(cpu.costs.irqEntry().sampleNs(), true, cpu.kernel.blameIpi);
        return true;
    }

    @Override
    boolean next(Cpu cpu, Segment seg) {
        if (phase == 0) {
            phase = 1;
            seg.setIrq(cpu.costs.ipi().sampleNs(), true, cpu.kernel.blameIpi);
            return true;
        }
        if (phase == 1 && kick) { // the handler's end: the idle balance queues what it pulls here (or IPIs others)
            kick = false;
            cpu.kernel.placement.balancer.idleBalance(cpu);
        }
        if (phase == 2) {
            Task t = queue[done];
            queue[done++] = null;
            cpu.sched.wake(t);
        }
        if (done < count) {
            phase = 2;
            seg.setIrq(cpu.costs.wakeup().sampleNs(), true, cpu.kernel.blameIpi);
            return true;
        }
        count = 0;
        done = 0;
        return false;
    }
}
