package org.rtvsim.kernel;

/**
 * A CPU's deadline class queue (struct dl_rq): the runnable, non-throttled deadline entities — tasks and the
 * fair server — ordered by absolute deadline, earliest first; entities with equal deadlines keep their
 * arrival order (the kernel's rb-tree inserts an equal key to the right, __dl_less). Intrusive links, no
 * allocation; a CPU holds a handful of entities, so insertion walks the list. The running task is not on it.
 *
 * <p>Partitioned EDF only: every deadline task stays on its CPU. TODO global EDF across an affinity mask
 * (push_dl_task / pull_dl_task, find_later_rq) once tasks can migrate.
 */
final class DeadlineRunQueue {
    private DlEntity head;
    private int count;

    int size() {
        return count;
    }

    /** The entity with the earliest deadline, or null (pick_next_dl_entity). */
    DlEntity peek() {
        return head;
    }

    void enqueue(DlEntity e) {
        if (e.queued) {
            throw new IllegalStateException("deadline entity of " + e.task + " queued twice");
        }
        e.queued = true;
        count++;
        DlEntity before = null;
        DlEntity at = head;
        while (at != null && at.deadlineNs <= e.deadlineNs) {
            before = at;
            at = at.next;
        }
        e.prev = before;
        e.next = at;
        if (at != null) {
            at.prev = e;
        }
        if (before == null) {
            head = e;
        } else {
            before.next = e;
        }
    }

    void remove(DlEntity e) {
        if (!e.queued) {
            return;
        }
        e.queued = false;
        count--;
        if (e.prev != null) {
            e.prev.next = e.next;
        } else {
            head = e.next;
        }
        if (e.next != null) {
            e.next.prev = e.prev;
        }
        e.next = e.prev = null;
    }
}
