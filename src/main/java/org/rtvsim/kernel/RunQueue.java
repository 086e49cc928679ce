package org.rtvsim.kernel;

/**
 * A CPU's run queue: the deadline class's EDF queue ({@link DeadlineRunQueue}), one FIFO list per real-time
 * priority (1..99, highest first, found through a bitmap like the kernel's rt_prio_array) and the fair
 * class's EEVDF queue ({@link FairRunQueue}). A task whose priority a deadline waiter raised above 99 (priority
 * inheritance) without being a deadline task itself is queued at RT priority 99.
 * Intrusive links, no allocation. The running task is not on the RT lists; the running fair task is the
 * fair queue's current entity.
 */
final class RunQueue {
    private final Task[] head = new Task[100];
    private final Task[] tail = new Task[100];
    private long bitsLow;   // priorities 0..63
    private long bitsHigh;  // priorities 64..99
    private int rtCount;
    final FairRunQueue fair;
    final DeadlineRunQueue dl = new DeadlineRunQueue();

    RunQueue(Cpu cpu) {
        this.fair = new FairRunQueue(cpu);
    }

    int size() {
        return dl.size() + rtCount + fair.queued();
    }

    int rtCount() {
        return rtCount;
    }

    int otherCount() {
        return fair.queued();
    }

    /**
     * Adds a task: an RT task at the tail of its list, or at the head (a preempted SCHED_FIFO/RR task keeps
     * its place); a fair task is placed by EEVDF (or, when it was running, put back keeping its vruntime).
     */
    void enqueue(Task t, boolean atHead) {
        if (t.queued) {
            throw new IllegalStateException(t + " queued twice");
        }
        t.queuedPriority = t.priority;
        if (t.priority < 0) {
            fair.enqueue(t);
            return;
        }
        if (t.dl != null) { // a throttled deadline task waits off the queue for its replenishment
            if (!t.dl.throttled) {
                dl.enqueue(t.dl);
                t.queued = true;
            }
            return;
        }
        t.queued = true;
        rtCount++;
        int p = Math.min(t.priority, 99);
        if (head[p] == null) {
            head[p] = tail[p] = t;
            t.rqNext = t.rqPrev = null;
            setBit(p);
        } else if (atHead) {
            t.rqNext = head[p];
            t.rqPrev = null;
            head[p].rqPrev = t;
            head[p] = t;
        } else {
            t.rqPrev = tail[p];
            t.rqNext = null;
            tail[p].rqNext = t;
            tail[p] = t;
        }
    }

    /** Takes a queued task off the queue; a fair task leaves its class's queue (its lag is kept). */
    void remove(Task t) {
        if (!t.queued) {
            return;
        }
        if (t.queuedPriority < 0) {
            fair.dequeue(t);
            return;
        }
        t.queued = false;
        if (t.dl != null) {
            dl.remove(t.dl);
            return;
        }
        rtCount--;
        int p = Math.min(t.queuedPriority, 99);
        if (t.rqPrev != null) {
            t.rqPrev.rqNext = t.rqNext;
        } else {
            head[p] = t.rqNext;
        }
        if (t.rqNext != null) {
            t.rqNext.rqPrev = t.rqPrev;
        } else {
            tail[p] = t.rqPrev;
        }
        if (head[p] == null) {
            clearBit(p);
        }
        t.rqNext = t.rqPrev = null;
    }

    /** Highest-priority runnable RT task, or null. */
    Task peekRt() {
        int p = highestBit();
        return p < 0 ? null : head[p];
    }

    /**
     * pick_highest_pushable_task: the highest-priority queued RT task that may migrate (and, when {@code cpu}
     * ≥ 0, may run there), or null; the first queued of its priority.
     */
    Task highestPushable(int cpu) {
        for (int p = highestBit(); p >= 1; p--) {
            for (Task t = head[p]; t != null; t = t.rqNext) {
                if (t.mask != null && (cpu < 0 || t.mask.contains(cpu))) {
                    return t;
                }
            }
        }
        return null;
    }

    /** Highest RT priority queued ({@link Task#DL_PRIO} while a deadline entity is), or -1. */
    int highestRtPriority() {
        return dl.size() > 0 ? Task.DL_PRIO : highestBit();
    }

    /** Whether a task of priority {@code p} other than the running one is queued. */
    boolean hasPriority(int p) {
        return p < 0 ? fair.queued() > 0 : p >= Task.DL_PRIO ? dl.size() > 0 : head[p] != null;
    }

    private void setBit(int p) {
        if (p < 64) {
            bitsLow |= 1L << p;
        } else {
            bitsHigh |= 1L << (p - 64);
        }
    }

    private void clearBit(int p) {
        if (p < 64) {
            bitsLow &= ~(1L << p);
        } else {
            bitsHigh &= ~(1L << (p - 64));
        }
    }

    private int highestBit() {
        if (bitsHigh != 0) {
            return 127 - Long.numberOfLeadingZeros(bitsHigh);
        }
        if (bitsLow != 0) {
            return 63 - Long.numberOfLeadingZeros(bitsLow);
        }
        return -1;
    }
}
