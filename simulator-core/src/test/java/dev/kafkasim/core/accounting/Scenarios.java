package dev.kafkasim.core.accounting;

import dev.kafkasim.core.SimulationSpec;

/** Small scenarios for accounting tests. */
final class Scenarios {
    private Scenarios() {}

    /** Returns two streams without a limit, at a high rate on the given clock. */
    static SimulationSpec unbounded(String clock) {
        return SimulationSpec.parse("""
                simulation {
                  seed = 3
                  clock = %s
                  streams.a { rate = 200000/s, fields { id = counter } }
                  streams.b { rate = 100000/s, fields {
                    id = counter
                    n = counter
                  } }
                }
                """.formatted(clock), "unbounded.conf");
    }

    /** Returns one stream of {@code count} records on the virtual clock. */
    static SimulationSpec counted(long count) {
        return SimulationSpec.parse(
                "simulation { seed = 3, clock = virtual, streams.a { rate = 1000/s, count = %d, fields { id = counter } } }"
                        .formatted(count),
                "counted.conf");
    }
}
