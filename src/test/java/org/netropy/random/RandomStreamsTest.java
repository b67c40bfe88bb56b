package org.netropy.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void sameNameSameStreamDifferentNameDifferentStream() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        assertEquals(a.stream("init").nextLong(), b.stream("init").nextLong());
        assertNotEquals(a.stream("init").nextLong(), a.stream("stimuli").nextLong());
        assertNotEquals(new RandomStreams(43).stream("init").nextLong(), a.stream("init").nextLong());
        assertNotEquals(a.child("member-1").seedFor("x"), a.child("member-2").seedFor("x"));
    }

    @Test
    void streamIsStableAcrossJvmsBecauseHashIsFnv() {
        // FNV-1a of the empty string is the offset basis by definition.
        assertEquals(0xcbf29ce484222325L, RandomStreams.fnv1a(""));
        // FNV-1a("a") = (basis ^ 0x61) * prime, from the published algorithm.
        assertEquals((0xcbf29ce484222325L ^ 0x61) * 0x100000001b3L, RandomStreams.fnv1a("a"));
    }
}
