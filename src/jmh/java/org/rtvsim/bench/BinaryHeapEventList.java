package org.rtvsim.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * The binary heap rtvsim used before the 4-ary one (kept for the benchmark only): an SSJ {@link EventList} kept as an array binary heap ordered by (time, priority, insertion order),
 * allocation-free after warm-up. Keys are copied into primitive arrays at insertion (an event's time
 * and priority cannot change while it is scheduled), so comparisons touch no event object.
 *
 * <p>Each event's position in the heap is stored in SSJ's per-event {@code ra} field, so
 * {@link #remove} (used by {@code Event.cancel()}) is O(log n) without a search. Equal
 * (time, priority) pairs leave in insertion order (FIFO), as in SSJ's own lists. STACK.md measured
 * SSJ's Henriksen list at 17 / 8 million events/s and an array heap at 27 / 12; the model reschedules
 * completion events on every preemption, which makes cheap removal matter.
 */
public final class BinaryHeapEventList implements EventList {
    private Event[] heap = new Event[256];
    private double[] time = new double[256];
    private double[] prio = new double[256];
    private long[] order = new long[256];
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

    @Override
    public void add(Event ev) {
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
            time = java.util.Arrays.copyOf(time, size * 2);
            prio = java.util.Arrays.copyOf(prio, size * 2);
            order = java.util.Arrays.copyOf(order, size * 2);
        }
        heap[size] = ev;
        time[size] = ev.time();
        prio[size] = ev.priority();
        order[size] = nextOrder++;
        ev.setRa(size);
        siftUp(size++);
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
        for (int i = 0; i < size; i++) {
            if (heap[i].getClass().getSimpleName().equals(cl)) {
                return heap[i];
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        for (int i = 0; i < size; i++) {
            if (heap[i].getClass() == cl) {
                return (E) heap[i];
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
        List<Event> l = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            l.add(heap[i]);
        }
        l.sort(Event::compareTo);
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
        size--;
        if (i != size) {
            heap[i] = heap[size];
            time[i] = time[size];
            prio[i] = prio[size];
            order[i] = order[size];
            heap[i].setRa(i);
            heap[size] = null;
            siftDown(i);
            siftUp(i);
        } else {
            heap[size] = null;
        }
    }

    private boolean less(int a, int b) {
        double tx = time[a];
        double ty = time[b];
        if (tx != ty) {
            return tx < ty;
        }
        double px = prio[a];
        double py = prio[b];
        if (px != py) {
            return px < py;
        }
        return order[a] < order[b];
    }

    private void swap(int a, int b) {
        Event e = heap[a];
        heap[a] = heap[b];
        heap[b] = e;
        long o = order[a];
        order[a] = order[b];
        order[b] = o;
        double t = time[a];
        time[a] = time[b];
        time[b] = t;
        double q = prio[a];
        prio[a] = prio[b];
        prio[b] = q;
        heap[a].setRa(a);
        heap[b].setRa(b);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int m = l;
            int r = l + 1;
            if (r < size && less(r, l)) {
                m = r;
            }
            if (!less(m, i)) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }
}
