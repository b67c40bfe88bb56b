/** Seeded, named random streams: generators are passed in, recorded, never global. */
package org.netropy.random;
