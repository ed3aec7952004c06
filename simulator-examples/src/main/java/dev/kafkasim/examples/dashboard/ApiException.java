package dev.kafkasim.examples.dashboard;

import dev.kafkasim.core.ConfigProblem;
import java.util.List;

/** A request the API rejects, with the HTTP status and the reason sent back as JSON. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** HTTP status for invalid input. */
    static final int BAD_REQUEST = 400;

    /** HTTP status for a request that another web site sent through the user's browser. */
    static final int FORBIDDEN = 403;

    /** HTTP status for a stream or path that does not exist. */
    static final int NOT_FOUND = 404;

    /** HTTP status for an action that is not possible in the run's current state. */
    static final int CONFLICT = 409;

    /** HTTP status for a run that could not start, such as an unreachable cluster. */
    static final int BAD_GATEWAY = 502;

    private final int status;
    private final transient List<ConfigProblem> problems;

    ApiException(int status, String reason) {
        this(status, reason, List.of(), null);
    }

    ApiException(int status, String reason, List<ConfigProblem> problems, Throwable cause) {
        super(reason, cause);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static ApiException badRequest(String reason) {
        return new ApiException(BAD_REQUEST, reason);
    }

    static ApiException conflict(String reason) {
        return new ApiException(CONFLICT, reason);
    }

    int status() {
        return status;
    }

    /** Returns the configuration problems behind the error, each with its path and origin; empty for others. */
    List<ConfigProblem> problems() {
        return problems;
    }
}
