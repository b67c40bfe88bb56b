package org.netropy.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command is implemented. */
@Command(name = "gd", mixinStandardHelpOptions = true, description = "Train two-layer networks with gradient descent (DL4J). (not yet available)")
public final class GdCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("'netropy gd' is not implemented yet");
    }
}
