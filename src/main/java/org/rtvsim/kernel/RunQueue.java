package org.rtvsim.kernel;

/**
 * A CPU's run queue: one FIFO list per real-time priority (1..99, highest first, found through a
 * bitmap like the kernel's rt_prio_array) and one list for SCHED_OTHER tasks. Intrusive links,
 * no allocation. The running task is not on the queue.
 */
final class RunQueue {
    private final Task[] head = new Task[100];
    private final Task[] tail = new Task[100];
    private long bitsLow;   // priorities 0..63
    private long bitsHigh;  // priorities 64..99
    private Task otherHead;
    private Task otherTail;
    private int rtCount;
    private int otherCount;

    int size() {
        return rtCount + otherCount;
    }

    int rtCount() {
        return rtCount;
    }

    int otherCount() {
        return otherCount;
    }

    /** Adds a task at the tail of its list, or at the head (a preempted SCHED_FIFO/RR task keeps its place). */
    void enqueue(Task t, boolean atHead) {
        if (t.queued) {
            throw new IllegalStateException(t + " queued twice");
        }
        t.queued = true;
        t.queuedPriority = t.priority;
        if (t.priority < 0) {
            otherCount++;
            if (otherHead == null) {
                otherHead = otherTail = t;
                t.rqNext = t.rqPrev = null;
            } else if (atHead) {
                t.rqNext = otherHead;
                t.rqPrev = null;
                otherHead.rqPrev = t;
                otherHead = t;
            } else {
                t.rqPrev = otherTail;
                t.rqNext = null;
                otherTail.rqNext = t;
                otherTail = t;
            }
            return;
        }
        rtCount++;
        int p = t.priority;
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

    void remove(Task t) {
        if (!t.queued) {
            return;
        }
        t.queued = false;
        if (t.queuedPriority < 0) {
            otherCount--;
            if (t.rqPrev != null) {
                t.rqPrev.rqNext = t.rqNext;
            } else {
                otherHead = t.rqNext;
            }
            if (t.rqNext != null) {
                t.rqNext.rqPrev = t.rqPrev;
            } else {
                otherTail = t.rqPrev;
            }
        } else {
            rtCount--;
            int p = t.queuedPriority;
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
        }
        t.rqNext = t.rqPrev = null;
    }

    /** Highest-priority runnable RT task, or null. */
    Task peekRt() {
        int p = highestBit();
        return p < 0 ? null : head[p];
    }

    Task peekOther() {
        return otherHead;
    }

    /** Highest RT priority queued, or -1. */
    int highestRtPriority() {
        return highestBit();
    }

    /** Whether a task of priority {@code p} other than the running one is queued. */
    boolean hasPriority(int p) {
        return p < 0 ? otherHead != null : head[p] != null;
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
