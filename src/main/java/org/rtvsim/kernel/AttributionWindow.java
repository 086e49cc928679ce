package org.rtvsim.kernel;

/**
 * The attribution of one latency sample in progress: from the intended wake-up time until the
 * sample is taken, every nanosecond of its CPU's time is charged to the label of whatever occupied
 * the CPU (the top context's segment, or the reason supply was missing). The charges therefore add
 * up exactly to the sample. Reused for every sample of a measuring thread; no allocation once its
 * arrays have grown to the number of distinct labels seen.
 */
public final class AttributionWindow {
    private int[] ids = new int[16];
    private long[] ns = new long[16];
    private int n;
    boolean open;
    long openedNs;
    /** The CPU whose time is charged to this window now. */
    Cpu attachedTo;

    // While its task waits for a sleeping lock, the window follows the lock holder at the end of the
    // chain: its own code is "blocked on L held by O", anything else "lock holder O preempted by X".
    private Task waitHolder;
    private int heldLabel = -1;
    private int heldBoostedLabel = -1;
    private String preemptedPrefix;
    private org.rtvsim.measure.BlameRegistry registry;
    private int[] fromIds = new int[8];
    private int[] toIds = new int[8];
    private int translations;

    // While the window's task sleeps on a timer with slack (a SCHED_OTHER clock_nanosleep), the window's time up
    // to the timer's hard expiry, or to its earlier expiry by another timer's interrupt, is the slack's, whatever
    // the CPU does meanwhile (charges are lazy, so this is decided by time, not by the timer's state now).
    private HrTimer slackTimer;
    private long slackEndNs;
    private int slackLabel;

    void reset(long nowNs) {
        n = 0;
        openedNs = nowNs;
        slackTimer = null;
    }

    /**
     * The window's task {@code t} sleeps on a timer with slack (Task#sleepUntil): until that timer expires, the
     * window's time up to its hard expiry is charged to {@code label}. No effect when the timer has no slack.
     */
    public void slackOf(Task t, int label) {
        HrTimer s = t.sleepTimer;
        slackTimer = s != null && s.armed() && s.expiresNs > s.softNs ? s : null;
        slackEndNs = s == null ? 0 : s.expiresNs;
        slackLabel = label;
    }

    /**
     * Charges the {@code d} ns up to {@code nowNs} of a CPU occupied by label {@code id}, in task
     * {@code occupant}'s own code or not.
     */
    void charge(int id, long d, Task occupant, long nowNs) {
        if (slackTimer != null) {
            long end = slackTimer.armed() ? slackEndNs : Math.min(slackEndNs, slackTimer.expiredNs);
            long part = Math.min(d, end - (nowNs - d));
            if (part > 0) {
                charge(slackLabel, part);
                d -= part;
            }
            if (d <= 0) {
                return;
            }
        }
        if (waitHolder == null) {
            charge(id, d);
        } else if (occupant == waitHolder) {
            charge(occupant.priority > occupant.basePriority ? heldBoostedLabel : heldLabel, d);
        } else {
            charge(translate(id), d);
        }
    }

    /** Follows {@code holder} (at the end of the chain from {@code lock}) while the window's task waits. */
    void waitFor(Lock lock, Task holder, org.rtvsim.measure.BlameRegistry blames) {
        registry = blames;
        waitHolder = holder;
        Task direct = lock.owner;
        String held = "blocked on lock " + lock.name + " held by " + direct.name
                + (direct == holder ? "" : " (via " + holder.name + ")");
        heldLabel = blames.id(held);
        heldBoostedLabel = blames.id(held + ", PI-boosted to " + holder.priority);
        preemptedPrefix = "lock holder " + holder.name + " preempted by ";
        translations = 0;
    }

    /** The task got its lock: back to charging its own CPU's labels. */
    void stopWaiting() {
        waitHolder = null;
    }

    private int translate(int id) {
        for (int i = 0; i < translations; i++) {
            if (fromIds[i] == id) {
                return toIds[i];
            }
        }
        int to = registry.id(preemptedPrefix + registry.label(id));
        if (translations == fromIds.length) {
            fromIds = java.util.Arrays.copyOf(fromIds, translations * 2);
            toIds = java.util.Arrays.copyOf(toIds, translations * 2);
        }
        fromIds[translations] = id;
        toIds[translations++] = to;
        return to;
    }

    /** Charges {@code d} ns to label {@code id} (the CPU does this; a workload may for time before the window opened). */
    public void charge(int id, long d) {
        if (d <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (ids[i] == id) {
                ns[i] += d;
                return;
            }
        }
        if (n == ids.length) {
            ids = java.util.Arrays.copyOf(ids, n * 2);
            ns = java.util.Arrays.copyOf(ns, n * 2);
        }
        ids[n] = id;
        ns[n++] = d;
    }

    /**
     * Brings this window's charges up to now (they are otherwise charged lazily, at the next change of what
     * occupies the CPU), so that {@link #ids()}/{@link #ns()} describe the window so far; the final charges
     * are the same either way.
     */
    public void flush() {
        if (open && attachedTo != null) {
            attachedTo.meter.flush();
        }
    }

    public int[] ids() {
        return ids;
    }

    public long[] ns() {
        return ns;
    }

    public int size() {
        return n;
    }

    public boolean isOpen() {
        return open;
    }

    /** Ends the window where it is charged now (its own CPU, or a lock holder's). */
    public void close() {
        if (attachedTo != null) {
            attachedTo.closeWindow(this);
        }
        waitHolder = null;
    }

    /** Sum of the charges so far (ns). */
    public long total() {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += ns[i];
        }
        return s;
    }
}
