package org.rtvsim.kernel;

/**
 * Cross-CPU wake-ups (ttwu_queue): the waker queues the task on the target CPU's wake list and
 * sends a reschedule IPI; the IPI handler ({@code kernel.costs.ipi}) enqueues the tasks and sets
 * need_resched where they preempt. IPIs are never threaded, in any preemption model.
 */
final class RemoteWakeups extends IrqActivity {
    private Task[] queue = new Task[8];
    private int count;

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
        seg.setIrq(cpu.costs.ipi().sampleNs(), true, cpu.kernel.blameIpi);
        return true;
    }

    @Override
    boolean next(Cpu cpu, Segment seg) {
        for (int i = 0; i < count; i++) {
            Task t = queue[i];
            queue[i] = null;
            cpu.wake(t);
        }
        count = 0;
        return false;
    }
}
