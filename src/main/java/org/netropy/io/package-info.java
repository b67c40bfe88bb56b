/** Shared input/output plumbing: one-line user errors, JSON and CSV helpers. */
package org.netropy.io;
