package org.netropy.io;

/**
 * A numerical result that did not converge within its tolerance: the command prints one line
 * ({@code netropy: not converged: <message>}) and exits with code 3, so scripts can tell a
 * solver that stopped short from bad input (2) and from a bug (1).
 */
public class NotConvergedException extends RuntimeException {
    public NotConvergedException(String message) {
        super(message);
    }
}
