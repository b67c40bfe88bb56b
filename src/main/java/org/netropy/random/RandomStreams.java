package org.netropy.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named, independent random streams derived from one recorded root seed.
 *
 * <p>Every consumer of randomness asks for its own stream by name ("init/member-3", "stimuli",
 * "bootstrap"), so adding a new consumer never shifts the numbers another one sees, and a run is
 * reproduced from its root seed alone (the idea of Tribuo's per-use split and Sacred's derived
 * seeds). There is no global generator anywhere in Netropy.
 *
 * @param rootSeed the seed recorded with every run
 */
public record RandomStreams(long rootSeed) {

    /** An independent generator for the named purpose; the same name always gives the same stream. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(seedFor(name));
    }

    /** The derived 64-bit seed of a named stream (recorded in provenance, usable by other libraries). */
    public long seedFor(String name) {
        return mix(rootSeed ^ mix(fnv1a(name)));
    }

    /** A child family of streams, e.g. one per ensemble member: {@code child("member-3")}. */
    public RandomStreams child(String name) {
        return new RandomStreams(seedFor("child:" + name));
    }

    /** FNV-1a over UTF-8 bytes: a string hash that is stable across JVMs (unlike String.hashCode's use in maps). */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finaliser (Steele, Lea &amp; Flood 2014): decorrelates nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
