package org.netropy.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command is implemented. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two single-neuron connectivity tables. (not yet available)")
public final class CompareCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("'netropy compare' is not implemented yet");
    }
}
