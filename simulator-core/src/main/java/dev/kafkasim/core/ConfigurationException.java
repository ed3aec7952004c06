package dev.kafkasim.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a simulation's configuration is invalid. It carries every problem found, not only the first, so that
 * a user can fix a scenario file in one pass.
 *
 * <p>The message lists the problems one per line, each as {@code file:line: path: message}.
 */
public class ConfigurationException extends KafkasimException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * Creates an exception for the given problems.
     *
     * @param problems the problems found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigurationException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates an exception for one problem.
     *
     * @param problem the problem found
     */
    public ConfigurationException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /**
     * Returns the problems found, in the order they were found.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        String heading = problems.size() == 1
                ? "Invalid simulation configuration (1 problem):"
                : "Invalid simulation configuration (" + problems.size() + " problems):";
        return problems.stream().map(p -> "  " + p.render()).collect(Collectors.joining("\n", heading + "\n", ""));
    }
}
