package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlameRegistryTest {

    @Test
    void id_firstRegistrations_areDenseInOrder() {
        BlameRegistry r = new BlameRegistry();
        assertEquals(0, r.id("SMI"));
        assertEquals(1, r.id("context switch"));
        assertEquals(0, r.id("SMI"));
        assertEquals(2, r.id("hardirq"));
        assertEquals(3, r.size());
        assertEquals("context switch", r.label(1));
    }

    @Test
    void label_unknownId_throws() {
        BlameRegistry r = new BlameRegistry();
        r.id("x");
        assertThrows(IllegalArgumentException.class, () -> r.label(1));
    }
}
