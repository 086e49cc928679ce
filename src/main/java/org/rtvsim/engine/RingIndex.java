package org.rtvsim.engine;

import java.util.Arrays;

/**
 * The slots of a growable first-in-first-out ring whose elements live in the owner's parallel arrays (one array
 * per field, so that a queue of primitive records allocates nothing while it fits): the head, the count and the
 * capacity, and the growth that unwraps each array into one of twice the size. An owner pushes with
 * <pre>
 *   if (ring.full()) { a = ring.grow(a); b = ring.grow(b); ring.grown(); }
 *   int at = ring.push(); a[at] = …; b[at] = …;
 * </pre>
 * and reads the oldest element at {@link #head()} before {@link #pop()}.
 */
public final class RingIndex {
    private int capacity;
    private int head;
    private int count;

    /** A ring of {@code capacity} slots (the owner's arrays have that length). */
    public RingIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Whether the next push needs the arrays grown first. */
    public boolean full() {
        return count == capacity;
    }

    /** The slot of a new element at the tail; the ring must not be {@link #full()}. */
    public int push() {
        if (count == capacity) {
            throw new IllegalStateException("ring full: grow its arrays first");
        }
        int at = head + count++;
        return at < capacity ? at : at - capacity;
    }

    /** The slot of the oldest element; the ring must not be empty. */
    public int head() {
        if (count == 0) {
            throw new IllegalStateException("ring empty");
        }
        return head;
    }

    /** Drops the oldest element. */
    public void pop() {
        if (count == 0) {
            throw new IllegalStateException("ring empty");
        }
        head = head + 1 == capacity ? 0 : head + 1;
        count--;
    }

    /** {@code a} unwrapped (oldest first) into an array of twice the capacity; call {@link #grown()} after all. */
    public long[] grow(long[] a) {
        long[] out = new long[capacity * 2];
        for (int i = 0; i < count; i++) {
            out[i] = a[slot(i)];
        }
        return out;
    }

    /** As {@link #grow(long[])}. */
    public int[] grow(int[] a) {
        int[] out = new int[capacity * 2];
        for (int i = 0; i < count; i++) {
            out[i] = a[slot(i)];
        }
        return out;
    }

    /** As {@link #grow(long[])}. */
    public <T> T[] grow(T[] a) {
        T[] out = Arrays.copyOf(a, capacity * 2);
        for (int i = 0; i < count; i++) {
            out[i] = a[slot(i)];
        }
        Arrays.fill(out, count, out.length, null);
        return out;
    }

    /** Every array is grown: the elements now start at slot 0 of twice the capacity. */
    public void grown() {
        head = 0;
        capacity *= 2;
    }

    private int slot(int i) {
        int at = head + i;
        return at < capacity ? at : at - capacity;
    }
}
