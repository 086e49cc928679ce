package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RingIndex} keeps first-in-first-out order through wrap-around and growth, in every array kind. */
class RingIndexTest {

    @Test
    void fifoOrder_throughWrapAndGrowth_againstADeque() {
        RingIndex ring = new RingIndex(2);
        long[] longs = new long[2];
        int[] ints = new int[2];
        String[] refs = new String[2];
        ArrayDeque<Long> expected = new ArrayDeque<>();
        SplittableRandom r = new SplittableRandom(7);
        long next = 0;
        for (int step = 0; step < 20_000; step++) {
            if (expected.isEmpty() || r.nextInt(100) < 55) {
                if (ring.full()) {
                    longs = ring.grow(longs);
                    ints = ring.grow(ints);
                    refs = ring.grow(refs);
                    ring.grown();
                    assertEquals(longs.length, ints.length);
                    assertEquals(longs.length, refs.length);
                }
                int at = ring.push();
                longs[at] = next;
                ints[at] = (int) (next * 3);
                refs[at] = "e" + next;
                expected.addLast(next++);
            } else {
                long want = expected.removeFirst();
                int h = ring.head();
                assertEquals(want, longs[h]);
                assertEquals((int) (want * 3), ints[h]);
                assertEquals("e" + want, refs[h]);
                ring.pop();
            }
            assertEquals(expected.size(), ring.size());
        }
        assertTrue(longs.length >= 4, "grew");
    }

    @Test
    void grownReferenceArray_holdsNoStaleElements() {
        RingIndex ring = new RingIndex(4);
        String[] refs = new String[4];
        for (int i = 0; i < 4; i++) {
            refs[ring.push()] = "a" + i;
        }
        ring.pop();
        ring.pop();
        refs[ring.push()] = "b";
        refs = ring.grow(refs);
        ring.grown();
        assertEquals("a2", refs[0]);
        assertEquals("a3", refs[1]);
        assertEquals("b", refs[2]);
        for (int i = 3; i < refs.length; i++) {
            assertNull(refs[i]);
        }
    }

    @Test
    void misuse_isRefused() {
        RingIndex ring = new RingIndex(1);
        assertThrows(IllegalStateException.class, ring::head);
        assertThrows(IllegalStateException.class, ring::pop);
        ring.push();
        assertThrows(IllegalStateException.class, ring::push);
        assertThrows(IllegalArgumentException.class, () -> new RingIndex(0));
    }
}
