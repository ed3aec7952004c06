package dev.kafkasim.core;

/** The mapping from a simulation's schedule to the wall clock. Event times are the same in both modes. */
public enum ClockMode {
    /** Sends each record when its scheduled time arrives on the wall clock, scaled by the simulation's speed. */
    REAL_TIME("real-time"),
    /** Sends records as fast as the sinks accept them, while event time follows the schedule. */
    VIRTUAL("virtual");

    private final String configName;

    ClockMode(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration: {@code real-time} or {@code virtual}. */
    public String configName() {
        return configName;
    }

    /**
     * Returns the mode with a configuration name, or {@code null} when none matches.
     *
     * @param name {@code real-time} or {@code virtual}
     */
    public static ClockMode fromConfigName(String name) {
        for (ClockMode mode : values()) {
            if (mode.configName.equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
