package dev.kafkasim.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.kafkasim.core.internal.BlockSpec;
import dev.kafkasim.core.internal.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parses a stream's {@code rate}: a constant such as {@code 500/s}, or a schedule block with a {@code type}. */
final class ScheduleParser {
    static final List<String> TYPES = List.of("constant", "ramp", "steps", "bursts", "poisson", "sine");
    private static final RateSchedule FALLBACK = new RateSchedule.Constant(Rate.perSecond(1));

    private ScheduleParser() {}

    static RateSchedule parse(BlockSpec stream) {
        if (!stream.has("rate")) {
            return FALLBACK;
        }
        ConfigValue value = stream.config().getValue("rate");
        if (value.valueType() != ConfigValueType.OBJECT) {
            return new RateSchedule.Constant(rate(stream, "rate"));
        }
        Config config = ((ConfigObject) value).toConfig();
        BlockSpec block = new BlockSpec(stream.path() + ".rate", config, value.origin(), problemsOf(stream));
        block.accept("type");
        String type = block.getString("type", "");
        RateSchedule schedule = switch (type) {
            case "constant" -> new RateSchedule.Constant(rate(block, "rate"));
            case "ramp" -> ramp(block);
            case "steps" -> steps(block);
            case "bursts" -> bursts(block);
            case "poisson" -> new RateSchedule.Poisson(rate(block, "mean"));
            case "sine" -> sine(block);
            default -> {
                String closest = Suggestions.closest(type, TYPES);
                block.problem(
                        "type",
                        (type.isEmpty() ? "missing rate schedule type" : "unknown rate schedule type '" + type + "'")
                                + (closest == null || type.isEmpty() ? "" : "; did you mean '" + closest + "'?")
                                + "; expected one of " + String.join(", ", TYPES));
                yield FALLBACK;
            }
        };
        block.rejectUnknownKeys();
        return schedule;
    }

    private static RateSchedule ramp(BlockSpec block) {
        Rate from = rate(block, "from");
        Rate to = rate(block, "to");
        Duration over = positive(block, "over");
        return new RateSchedule.Ramp(from, to, over);
    }

    private static RateSchedule steps(BlockSpec block) {
        boolean repeat = block.getBoolean("repeat", false);
        List<RateSchedule.Step> steps = new ArrayList<>();
        if (!block.has("steps") || block.config().getValue("steps").valueType() != ConfigValueType.LIST) {
            block.reject(
                    "steps",
                    block.has("steps") ? block.config().getValue("steps").render() : "nothing",
                    "a list such as [{ rate = 100/s, duration = 1m }, { rate = 500/s, duration = 30s }]");
            return FALLBACK;
        }
        List<? extends ConfigValue> list = block.config().getList("steps");
        for (int i = 0; i < list.size(); i++) {
            ConfigValue item = list.get(i);
            String path = block.path() + ".steps." + i;
            if (item.valueType() != ConfigValueType.OBJECT) {
                block.reject("steps", item.render(), "each step as { rate = 100/s, duration = 1m }");
                continue;
            }
            BlockSpec step = new BlockSpec(path, ((ConfigObject) item).toConfig(), item.origin(), problemsOf(block));
            steps.add(new RateSchedule.Step(rate(step, "rate"), positive(step, "duration")));
            step.rejectUnknownKeys();
        }
        if (steps.isEmpty()) {
            block.reject("steps", "[]", "at least one step such as { rate = 100/s, duration = 1m }");
            return FALLBACK;
        }
        return new RateSchedule.Steps(steps, repeat);
    }

    private static RateSchedule bursts(BlockSpec block) {
        Rate base = rate(block, "base");
        Rate peak = rate(block, "peak");
        Duration period = positive(block, "period");
        Duration burst = positive(block, "burst");
        if (burst.compareTo(period) >= 0) {
            block.reject("burst", burst, "a duration shorter than the period (" + period + ")");
            burst = period.dividedBy(2);
        }
        return new RateSchedule.Bursts(base, peak, period, burst);
    }

    private static RateSchedule sine(BlockSpec block) {
        Rate mean = rate(block, "mean");
        double amplitude = 0;
        if (block.has("amplitude")) {
            String text = block.getString("amplitude", "0/s");
            try {
                amplitude = text.trim().equals("0") ? 0 : Rate.parse(text).perSecond();
            } catch (IllegalArgumentException e) {
                block.reject("amplitude", "'" + text + "'", "a rate such as 400/s, at most the mean");
            }
        }
        if (amplitude > mean.perSecond()) {
            block.reject(
                    "amplitude", Rate.perSecond(amplitude), "at most the mean (" + mean + ") so the rate stays >= 0");
            amplitude = mean.perSecond();
        }
        Duration period = positive(block, "period");
        Duration phase = block.getDuration("phase", Duration.ZERO);
        return new RateSchedule.Sine(mean, amplitude, period, phase);
    }

    private static Rate rate(BlockSpec block, String key) {
        String text = block.getString(key);
        if (text.isEmpty()) {
            return Rate.perSecond(1);
        }
        try {
            return Rate.parse(text);
        } catch (IllegalArgumentException e) {
            block.reject(key, "'" + text + "'", Rate.VALID_FORMS);
            return Rate.perSecond(1);
        }
    }

    private static Duration positive(BlockSpec block, String key) {
        if (!block.has(key)) {
            block.problem(key, "missing required key; expected a duration greater than 0, such as 30s");
            return Duration.ofSeconds(1);
        }
        Duration duration = block.getDuration(key, Duration.ofSeconds(1));
        if (duration.isZero() || duration.isNegative()) {
            block.reject(key, block.config().getValue(key).render(), "a duration greater than 0, such as 30s");
            return Duration.ofSeconds(1);
        }
        return duration;
    }

    private static List<ConfigProblem> problemsOf(BlockSpec block) {
        return block.problems();
    }
}
