/**
 * The {@code bin/netropy} command line (picocli): one class per command, the shared error
 * policy in {@link org.netropy.cli.Main}, and option parsers for ranges and formats.
 */
package org.netropy.cli;
