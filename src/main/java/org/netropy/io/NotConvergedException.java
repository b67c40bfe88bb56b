package org.netropy.io;

/**
 * A numerical result that did not reach its stated accuracy (a solver residual or a quadrature
 * error estimate above its tolerance). The command line maps it to exit code 3 with one line
 * {@code netropy: not converged: <message>}; the message says how far the computation got.
 */
public class NotConvergedException extends RuntimeException {
    public NotConvergedException(String message) {
        super(message);
    }
}
