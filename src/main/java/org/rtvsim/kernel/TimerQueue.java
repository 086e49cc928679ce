package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * A CPU's hrtimer queue (a binary heap by expiry, FIFO among equal expiries) and the local APIC
 * timer programmed to its earliest expiry. When the APIC timer fires the CPU raises its timer
 * interrupt; the handler then pops every timer expired by that time.
 */
final class TimerQueue {
    private final Cpu cpu;
    private HrTimer[] heap = new HrTimer[16];
    private int size;
    private long nextOrder;
    private LocalTimer apic;
    /** Emulated timer device (a guest): a stopped tick is not programmed at all, as tick_nohz does. */
    private boolean emulated;

    TimerQueue(Simulation sim, Cpu cpu) {
        this.cpu = cpu;
        this.apic = new ApicTimer(sim);
    }

    /** Replaces the local APIC timer by an emulated device (a vCPU's). */
    void useDevice(LocalTimer device) {
        apic.stop();
        this.apic = device;
        this.emulated = true;
        program();
    }

    void arm(HrTimer t, long atNs, long slackNs) {
        if (t.heapIndex >= 0) {
            removeAt(t.heapIndex);
        }
        t.softNs = atNs;
        t.expiresNs = atNs + slackNs;
        t.order = nextOrder++;
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        heap[size] = t;
        t.heapIndex = size;
        up(size++);
        program();
    }

    void disarm(HrTimer t) {
        if (t.heapIndex >= 0) {
            removeAt(t.heapIndex);
            program();
        }
    }

    /**
     * The first timer (by hard expiry) if its soft expiry has passed by {@code nowNs}, removed from the queue;
     * else null. A later timer whose soft expiry has passed waits behind one whose has not, as in the kernel.
     */
    HrTimer popExpired(long nowNs) {
        if (size == 0 || heap[0].softNs > nowNs) {
            return null;
        }
        HrTimer t = heap[0];
        removeAt(0);
        t.expiredNs = nowNs;
        return t;
    }

    /** Earliest expiry (ns) of any timer, or of any but the tick when {@code skipTick}; -1 when none. */
    long nextExpiryNs(boolean skipTick) {
        if (!skipTick) {
            return size == 0 ? -1 : heap[0].expiresNs;
        }
        return earliestNonTick();
    }

    HrTimer peek() {
        return size == 0 ? null : heap[0];
    }

    /**
     * Reprograms the timer device to the earliest expiry. On a physical CPU a stopped tick's expiry is
     * programmed and skipped when it fires (free there); an emulated device skips it here, because every
     * programming and every expiry of a guest timer costs VM exits.
     */
    void program() {
        long next = size == 0 ? -1 : heap[0].expiresNs;
        if (emulated && next >= 0 && heap[0].tick && cpu.tickStopped()) {
            next = earliestNonTick();
        }
        if (next < 0) {
            if (apic.programmedNs() >= 0) {
                apic.stop();
            }
        } else if (apic.programmedNs() != next) {
            apic.program(next);
        }
    }

    private long earliestNonTick() {
        long best = -1;
        for (int i = 0; i < size; i++) {
            if (!heap[i].tick && (best < 0 || heap[i].expiresNs < best)) {
                best = heap[i].expiresNs;
            }
        }
        return best;
    }

    private void removeAt(int i) {
        HrTimer t = heap[i];
        t.heapIndex = -1;
        size--;
        if (i != size) {
            heap[i] = heap[size];
            heap[i].heapIndex = i;
            heap[size] = null;
            down(i);
            up(i);
        } else {
            heap[size] = null;
        }
    }

    private boolean less(HrTimer a, HrTimer b) {
        return a.expiresNs < b.expiresNs || (a.expiresNs == b.expiresNs && a.order < b.order);
    }

    private void up(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(heap[i], heap[p])) {
                return;
            }
            swap(i, p);
            i = p;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = (l + 1 < size && less(heap[l + 1], heap[l])) ? l + 1 : l;
            if (!less(heap[m], heap[i])) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        HrTimer x = heap[a];
        heap[a] = heap[b];
        heap[b] = x;
        heap[a].heapIndex = a;
        heap[b].heapIndex = b;
    }

    /**
     * The APIC timer fired: raise the timer interrupt if any hrtimer has expired, except that tick
     * expiries on an idle or tickless CPU (NO_HZ) are only re-armed, without an interrupt. Returns whether
     * the interrupt was raised.
     */
    boolean fired() {
        long now = cpu.now();
        HrTimer t;
        while ((t = peek()) != null && t.expiresNs <= now && t.tick && cpu.tickStopped()) {
            popExpired(now);
            cpu.kernel.rearmTick(t);
        }
        t = peek();
        if (t != null && t.expiresNs <= now) {
            cpu.raise(cpu.timerLine);
            return true;
        }
        program();
        return false;
    }

    /** The local APIC timer (TSC-deadline mode) firing at the earliest hrtimer expiry. */
    private final class ApicTimer extends SimEvent implements LocalTimer {
        ApicTimer(Simulation sim) {
            super(sim, Phase.INTERRUPT);
        }

        @Override
        public void program(long atNs) {
            scheduleAt(atNs);
        }

        @Override
        public void stop() {
            cancel();
        }

        @Override
        public long programmedNs() {
            return isScheduled() ? atNs() : -1;
        }

        @Override
        protected void fire() {
            fired();
        }
    }
}
