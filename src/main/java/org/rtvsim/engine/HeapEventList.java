package org.rtvsim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * An SSJ {@link EventList} kept as an array 4-ary heap ordered by (time, priority, insertion order),
 * allocation-free after warm-up. Keys are copied into two primitive arrays at insertion: the time, and a
 * tie-breaker packing the priority (a {@link Phase} ordinal, 0..127) above a 56-bit insertion counter,
 * so a comparison is at most two primitive compares and touches no event object.
 *
 * <p>Each event's position in the heap is stored in SSJ's per-event {@code ra} field, so
 * {@link #remove} (used by {@code Event.cancel()}) is O(log n) without a search, and
 * {@link #reposition} moves a scheduled event to a new time in place (one sift instead of a removal and
 * an insertion). A repositioned event takes a fresh insertion number, exactly as if it had been cancelled
 * and scheduled again, so the order of events — and every result — is the same either way.
 * Equal (time, priority) pairs leave in insertion order (FIFO), as in SSJ's own lists.
 *
 * <p>Why 4-ary: the model's list is small (tens to a few hundred pending events) and its operations are
 * dominated by removals of the first event and re-arms; a 4-ary heap has half the depth of a binary one,
 * its four children share a cache line or two, and sifting moves a hole instead of swapping pairs.
 * {@code docs/performance.md} has the benchmark against the binary heap used before.
 */
public final class HeapEventList implements EventList {
    private static final int ORDER_BITS = 56;
    private static final long ORDER_MASK = (1L << ORDER_BITS) - 1;

    private Event[] heap = new Event[256];
    private double[] time = new double[256];
    private long[] tie = new long[256];
    private int size;
    private long nextOrder;

    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].setRa(-1);
            heap[i] = null;
        }
        size = 0;
    }

    private long tieOf(Event ev) {
        double p = ev.priority();
        if (p < 0 || p > 127 || p != Math.rint(p)) {
            throw new IllegalArgumentException("event priority must be a whole number in [0, 127], got " + p);
        }
        return ((long) p << ORDER_BITS) | (nextOrder++ & ORDER_MASK);
    }

    @Override
    public void add(Event ev) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            time = Arrays.copyOf(time, size * 2);
            tie = Arrays.copyOf(tie, size * 2);
        }
        siftUp(size++, ev, ev.time(), tieOf(ev));
    }

    /**
     * Moves a scheduled event whose time has just been set to a new value to its new place, as
     * {@code remove(ev); add(ev)} would (fresh insertion number), without leaving the heap.
     *
     * @return false if {@code ev} is not in this list (nothing changed)
     */
    public boolean reposition(Event ev) {
        int i = ev.getRa();
        if (i < 0 || i >= size || heap[i] != ev) {
            return false;
        }
        double t = ev.time();
        long k = tieOf(ev);
        int parent = (i - 1) >> 2;
        if (i > 0 && less(t, k, time[parent], tie[parent])) {
            siftUp(i, ev, t, k);
        } else {
            siftDown(i, ev, t, k);
        }
        return true;
    }

    @Override
    public void addFirst(Event ev) {
        add(ev);
    }

    @Override
    public void addBefore(Event ev, Event other) {
        add(ev);
    }

    @Override
    public void addAfter(Event ev, Event other) {
        add(ev);
    }

    @Override
    public Event getFirst() {
        return size == 0 ? null : heap[0];
    }

    @Override
    public Event getFirstOfClass(String cl) {
        for (Event e : snapshot()) {
            if (e.getClass().getSimpleName().equals(cl)) {
                return e;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        for (Event e : snapshot()) {
            if (e.getClass() == cl) {
                return (E) e;
            }
        }
        return null;
    }

    @Override
    public ListIterator<Event> listIterator() {
        return snapshot().listIterator();
    }

    @Override
    public Iterator<Event> iterator() {
        return snapshot().iterator();
    }

    private List<Event> snapshot() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> less(time[a], tie[a], time[b], tie[b]) ? -1 : a.equals(b) ? 0 : 1);
        List<Event> l = new ArrayList<>(size);
        for (Integer i : idx) {
            l.add(heap[i]);
        }
        return l;
    }

    @Override
    public boolean remove(Event ev) {
        int i = ev.getRa();
        if (i < 0 || i >= size || heap[i] != ev) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public Event removeFirst() {
        if (size == 0) {
            return null;
        }
        Event first = heap[0];
        removeAt(0);
        return first;
    }

    private void removeAt(int i) {
        Event removed = heap[i];
        removed.setRa(-1);
        int last = --size;
        if (i == last) {
            heap[last] = null;
            return;
        }
        Event moved = heap[last];
        double t = time[last];
        long k = tie[last];
        heap[last] = null;
        int parent = (i - 1) >> 2;
        if (i > 0 && less(t, k, time[parent], tie[parent])) {
            siftUp(i, moved, t, k);
        } else {
            siftDown(i, moved, t, k);
        }
    }

    private static boolean less(double ta, long ka, double tb, long kb) {
        return ta < tb || (ta == tb && ka < kb);
    }

    private void place(int i, Event ev, double t, long k) {
        heap[i] = ev;
        time[i] = t;
        tie[i] = k;
        ev.setRa(i);
    }

    /** Puts (ev, t, k) at hole {@code i} or above it, moving larger parents down into the hole. */
    private void siftUp(int i, Event ev, double t, long k) {
        while (i > 0) {
            int parent = (i - 1) >> 2;
            if (!less(t, k, time[parent], tie[parent])) {
                break;
            }
            place(i, heap[parent], time[parent], tie[parent]);
            i = parent;
        }
        place(i, ev, t, k);
    }

    /** Puts (ev, t, k) at hole {@code i} or below it, moving the smallest child up into the hole. */
    private void siftDown(int i, Event ev, double t, long k) {
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int m = first;
            double mt = time[first];
            long mk = tie[first];
            int end = Math.min(first + 4, size);
            for (int c = first + 1; c < end; c++) {
                if (less(time[c], tie[c], mt, mk)) {
                    m = c;
                    mt = time[c];
                    mk = tie[c];
                }
            }
            if (!less(mt, mk, t, k)) {
                break;
            }
            place(i, heap[m], mt, mk);
            i = m;
        }
        place(i, ev, t, k);
    }
}
