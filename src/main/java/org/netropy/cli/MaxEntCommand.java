package org.netropy.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command is implemented. */
@Command(name = "maxent", mixinStandardHelpOptions = true, description = "Maximum-entropy connectivity (not yet available)")
public final class MaxEntCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("'netropy maxent' is not implemented yet");
    }
}
