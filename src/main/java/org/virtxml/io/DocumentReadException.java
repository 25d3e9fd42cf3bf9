package org.virtxml.io;

import java.io.IOException;

/** A document could not be read; {@link #problem()} says why and where. */
public final class DocumentReadException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient ReadProblem problem;

    public DocumentReadException(ReadProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public DocumentReadException(ReadProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    public ReadProblem problem() {
        return problem;
    }
}
