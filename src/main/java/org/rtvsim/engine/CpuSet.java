package org.rtvsim.engine;

import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * An immutable set of CPU numbers written in the kernel's cpulist syntax ({@code "0-3,8,10-11"}).
 *
 * <p>Iteration is in increasing CPU number. {@link #parse} throws {@link IllegalArgumentException}
 * with a message that says what was expected; callers add the file, line and key.
 */
public final class CpuSet implements Iterable<Integer> {
    public static final CpuSet EMPTY = new CpuSet(new BitSet());

    private final BitSet bits;

    private CpuSet(BitSet bits) {
        this.bits = bits;
    }

    /** The CPUs {@code 0 .. n-1}. */
    public static CpuSet range(int fromInclusive, int toExclusive) {
        BitSet b = new BitSet();
        b.set(fromInclusive, toExclusive);
        return new CpuSet(b);
    }

    public static CpuSet of(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            b.set(c);
        }
        return new CpuSet(b);
    }

    /** Parses a cpulist such as {@code "0-3,8"}; an empty string gives the empty set. */
    public static CpuSet parse(String text) {
        BitSet b = new BitSet();
        String t = text.trim();
        if (t.isEmpty()) {
            return EMPTY;
        }
        for (String part : t.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    b.set(nonNegative(p, text));
                } else {
                    int lo = nonNegative(p.substring(0, dash).trim(), text);
                    int hi = nonNegative(p.substring(dash + 1).trim(), text);
                    if (hi < lo) {
                        throw new IllegalArgumentException("CPU range '" + p + "' in \"" + text
                                + "\" is reversed; expected LOW-HIGH with LOW <= HIGH");
                    }
                    b.set(lo, hi + 1);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a CPU list; expected the kernel's "
                        + "cpulist syntax, e.g. \"0-3,8\"");
            }
        }
        return new CpuSet(b);
    }

    private static int nonNegative(String s, String whole) {
        int v = Integer.parseInt(s);
        if (v < 0) {
            throw new IllegalArgumentException("negative CPU number in \"" + whole + "\"");
        }
        return v;
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** Highest CPU number in the set, or -1 when empty. */
    public int max() {
        return bits.length() - 1;
    }

    /** The i-th CPU in increasing order (0-based). */
    public int get(int index) {
        int c = bits.nextSetBit(0);
        for (int i = 0; i < index && c >= 0; i++) {
            c = bits.nextSetBit(c + 1);
        }
        if (c < 0) {
            throw new IndexOutOfBoundsException("CPU index " + index + " in a set of " + size());
        }
        return c;
    }

    public CpuSet minus(CpuSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return new CpuSet(b);
    }

    public CpuSet intersect(CpuSet other) {
        BitSet b = (BitSet) bits.clone();
        b.and(other.bits);
        return new CpuSet(b);
    }

    public int[] toArray() {
        return bits.stream().toArray();
    }

    @Override
    public PrimitiveIterator.OfInt iterator() {
        return new PrimitiveIterator.OfInt() {
            int next = bits.nextSetBit(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public int nextInt() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                int c = next;
                next = bits.nextSetBit(c + 1);
                return c;
            }
        };
    }

    /** The canonical cpulist text, e.g. {@code "0-3,8"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int c = bits.nextSetBit(0);
        while (c >= 0) {
            int end = bits.nextClearBit(c) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c);
            if (end > c) {
                sb.append('-').append(end);
            }
            c = bits.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && other.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }
}
