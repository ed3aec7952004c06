package dev.kafkasim.generators.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.core.EngineStats;
import dev.kafkasim.core.SimulationSpec;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.core.Sinks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutates the bundled scenarios many times with fixed seeds (renamed, removed and duplicated keys, wrong types,
 * out-of-range and huge values, broken syntax, unknown types, circular references) and requires each case to end
 * either in a {@link ConfigurationException} whose every problem has a path and an origin, or in a run that
 * completes with every record acknowledged or failed. Any other exception, or a run that does not finish, fails.
 */
class ScenarioFuzzTest {
    private static final int CASES_PER_SCENARIO = 400;
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([A-Za-z_][\\w.-]*)(\\s*(=|\\{|:))(.*)$");
    private static final List<String> BAD_VALUES = List.of(
            "\"abc\"",
            "-1",
            "0",
            "1e308",
            "-1e308",
            "9223372036854775807",
            "-9223372036854775808",
            "[1, 2]",
            "{}",
            "true",
            "null",
            "\"" + "x".repeat(100_000) + "\"",
            "nonsense-type",
            "0.5",
            "-0.0001",
            "12/min",
            "\"2026-13-45\"",
            "${undefined.substitution}");
    private static final String SYNTAX_CHARACTERS = "{}[]\"=$:,#\n";

    static Stream<String> scenarios() {
        return Stream.of("iot-sensors.conf", "clickstream.conf", "orders.conf");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void mutatedScenarioFailsCleanlyOrRuns(String scenario) throws IOException {
        String original = read(scenario);
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (int seed = 0; seed < CASES_PER_SCENARIO; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 31L + scenario.hashCode());
            String mutated = mutate(original, random);
            String outcome = check(scenario, mutated);
            if (outcome.equals("rejected")) {
                rejected++;
            } else if (!outcome.equals("ran")) {
                failures.add("case " + seed + ": " + outcome);
            }
        }

        assertThat(failures).isEmpty();
        // Most mutations break the scenario; if none did, the mutations would not be reaching the parser.
        assertThat(rejected).isGreaterThan(CASES_PER_SCENARIO / 4);
    }

    /** Returns "rejected", "ran", or a description of what went wrong. */
    private static String check(String name, String text) {
        SimulationSpec spec;
        try {
            spec = SimulationSpec.parse(text, name);
        } catch (ConfigurationException e) {
            if (text.hashCode() % 7 == 0)
                System.out.println("FUZZMSG "
                        + e.getMessage()
                                .replace("\n", " | ")
                                .substring(0, Math.min(400, e.getMessage().length())));
            for (ConfigProblem problem : e.problems()) {
                if (problem.origin() == null || problem.path().isBlank()) {
                    return "problem without origin or path: " + problem.render();
                }
                if (problem.message().length() > 2000) {
                    return "problem message of " + problem.message().length()
                            + " characters: the value is not shortened";
                }
            }
            return "rejected";
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return "parse threw " + e + " for:\n" + excerpt(text);
        }
        return run(name, text, spec);
    }

    /** Runs a scenario that parsed, bounded to a few hundred records in virtual time. */
    private static String run(String name, String text, SimulationSpec parsed) {
        Config bounded = ConfigFactory.parseString("simulation { clock = virtual, count = 300 }")
                .withFallback(ConfigFactory.parseString(
                        text, ConfigParseOptions.defaults().setOriginDescription(name)));
        try (SimulatorEngine engine = SimulatorEngine.builder()
                .config(bounded)
                .sink("main", Sinks.inMemory())
                .drainTimeout(Duration.ofSeconds(5))
                .build()) {
            engine.start();
            if (!engine.awaitCompletion(Duration.ofSeconds(20))) {
                return "run did not finish within 20 s: " + engine.stats() + " for:\n" + excerpt(text);
            }
            EngineStats stats = engine.stats();
            if (stats.generated() != stats.acknowledged() + stats.failed()) {
                return "accounting broken: " + stats;
            }
            if (engine.failure().isPresent()) {
                return "run failed: " + engine.failure().get() + " for:\n" + excerpt(text);
            }
            return "ran";
        } catch (ConfigurationException e) {
            // A scenario valid on its own may still lack a sink its streams name; the engine reports that.
            return "rejected";
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return "run threw " + e + " (spec " + parsed.streams().keySet() + ") for:\n" + excerpt(text);
        }
    }

    private static String mutate(String text, SplittableRandom random) {
        int mutations = 1 + random.nextInt(3);
        String result = text;
        for (int i = 0; i < mutations; i++) {
            result = switch (random.nextInt(8)) {
                case 0 -> renameKey(result, random);
                case 1 -> removeLine(result, random);
                case 2 -> duplicateLine(result, random);
                case 3, 4 -> replaceValue(result, random);
                case 5 -> breakSyntax(result, random);
                case 6 -> addCircularReferences(result, random);
                default -> replaceType(result, random);
            };
        }
        return result;
    }

    private static String renameKey(String text, SplittableRandom random) {
        return editKeyLine(text, random, (matcher, r) -> {
            String key = matcher.group(2);
            int at = r.nextInt(key.length());
            String renamed = switch (r.nextInt(3)) {
                case 0 -> key.substring(0, at) + key.substring(at + 1);
                case 1 -> key.substring(0, at) + (char) ('a' + r.nextInt(26)) + key.substring(at);
                default -> key + "x";
            };
            return matcher.group(1) + (renamed.isEmpty() ? "k" : renamed) + matcher.group(3) + matcher.group(5);
        });
    }

    private static String removeLine(String text, SplittableRandom random) {
        return editKeyLine(text, random, (matcher, r) -> {
            String line = matcher.group(0);
            // Removing the opening line of a multi-line block would unbalance braces; that is breakSyntax's job.
            return opens(line) ? line : "";
        });
    }

    private static String duplicateLine(String text, SplittableRandom random) {
        return editKeyLine(text, random, (matcher, r) -> {
            String line = matcher.group(0);
            return opens(line) ? line : line + "\n" + line;
        });
    }

    private static String replaceValue(String text, SplittableRandom random) {
        return editKeyLine(text, random, (matcher, r) -> {
            if (!matcher.group(4).equals("=") || opens(matcher.group(0))) {
                return matcher.group(0);
            }
            String value = BAD_VALUES.get(r.nextInt(BAD_VALUES.size()));
            return matcher.group(1) + matcher.group(2) + " = " + value;
        });
    }

    private static String replaceType(String text, SplittableRandom random) {
        String[] types = {"normall", "kafkaa", "uuid", "weighted", "markov", "reference", "object", "constant"};
        return text.replaceFirst("type = [\\w-]+", "type = " + types[random.nextInt(types.length)]);
    }

    private static String breakSyntax(String text, SplittableRandom random) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
            return text.substring(0, at) + text.substring(at + 1);
        }
        char inserted = SYNTAX_CHARACTERS.charAt(random.nextInt(SYNTAX_CHARACTERS.length()));
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static String addCircularReferences(String text, SplittableRandom random) {
        String preload = random.nextBoolean() ? "preload = true, count = 5," : "";
        return text
                + "\nsimulation.streams.loop_a { " + preload
                + " key = id, fields { id { type = sequence }\n other { type = reference, stream = loop_b } } }"
                + "\nsimulation.streams.loop_b { key = id, fields { id { type = sequence }\n"
                + " other { type = reference, stream = loop_a } } }\n";
    }

    private interface LineEdit {
        String apply(Matcher matcher, SplittableRandom random);
    }

    private static String editKeyLine(String text, SplittableRandom random, LineEdit edit) {
        String[] lines = text.split("\n", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (KEY_LINE.matcher(lines[i]).matches()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        int index = candidates.get(random.nextInt(candidates.size()));
        Matcher matcher = KEY_LINE.matcher(lines[index]);
        matcher.matches();
        lines[index] = edit.apply(matcher, random);
        return String.join("\n", lines);
    }

    /** Returns whether a line opens a block that a later line closes. */
    private static boolean opens(String line) {
        long open = line.chars().filter(c -> c == '{').count();
        long close = line.chars().filter(c -> c == '}').count();
        return open > close;
    }

    private static String excerpt(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) + "..." : text;
    }

    private static String read(String scenario) throws IOException {
        try (InputStream in = ScenarioFuzzTest.class.getResourceAsStream("/kafkasim/scenarios/" + scenario)) {
            assertThat(in).as("bundled scenario %s", scenario).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
