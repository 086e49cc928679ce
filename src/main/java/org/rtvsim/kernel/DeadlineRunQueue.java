package org.rtvsim.kernel;

/**
 * A CPU's deadline class queue (struct dl_rq): the runnable, non-throttled deadline entities — tasks and the
 * fair server — ordered by absolute deadline, earliest first; entities with equal deadlines keep their
 * arrival order (the kernel's rb-tree inserts an equal key to the right, __dl_less). Intrusive links, no
 * allocation; a CPU holds a handful of entities, so insertion walks the list. The running task is not on it.
 *
 * <p>The kernel keeps a second tree of the pushable tasks (pushable_dl_tasks_root: queued, not running, with a
 * multi-CPU mask); here they are found by walking this one ({@link #earliestPushable}). Global EDF moves them
 * between CPUs ({@link DlPushPull}).
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

    /**
     * pick_earliest_pushable_dl_task: the earliest-deadline queued task whose mask has more than one CPU (and,
     * when {@code cpu} &ge; 0, holds {@code cpu}), or null; the fair server is never pushable.
     */
    Task earliestPushable(int cpu) {
        for (DlEntity e = head; e != null; e = e.next) {
            if (e.task != null && e.task.mask != null && (cpu < 0 || e.task.mask.contains(cpu))) {
                return e.task;
            }
        }
        return null;
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
