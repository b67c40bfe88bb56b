package org.netropy.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command is implemented. */
@Command(name = "ei", mixinStandardHelpOptions = true, description = "Entropy of binary excitatory/inhibitory networks (Agrawal et al. 2018). (not yet available)")
public final class EiCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("'netropy ei' is not implemented yet");
    }
}
