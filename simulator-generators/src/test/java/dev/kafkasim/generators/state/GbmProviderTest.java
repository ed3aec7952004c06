package dev.kafkasim.generators.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.generators.testkit.GeneratorContractTest;
import dev.kafkasim.generators.testkit.Statistics;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GbmProviderTest extends GeneratorContractTest {
    @Override
    protected GeneratorProvider provider() {
        return new GbmProvider();
    }

    @Override
    protected String validConfig() {
        return "type = gbm, start = 100, drift = 0.05, volatility = 0.2, scale = 2";
    }

    @Test
    void firstValueIsStart() {
        TestGenerators.Created created = create("type = gbm, start = 100, volatility = 0.2");

        assertThat(created.next(new TestGenerationContext(1))).isEqualTo(100.0);
    }

    @Test
    void logReturnsMatchDriftAndVolatility() {
        double drift = 0.1;
        double volatility = 0.3;
        double dt = 0.01;
        TestGenerators.Created created = create("type = gbm, start = 100, drift = 0.1, volatility = 0.3, dt = 0.01");
        TestGenerationContext context = new TestGenerationContext(8).key("ticker");
        List<Double> logReturns = new ArrayList<>();
        double previous = (Double) created.next(context);
        for (int i = 0; i < 100_000; i++) {
            double price = (Double) created.next(context);
            logReturns.add(Math.log(price / previous));
            previous = price;
        }
        double stepStddev = volatility * Math.sqrt(dt);

        assertThat(Statistics.mean(logReturns))
                .isCloseTo(
                        (drift - volatility * volatility / 2) * dt,
                        within(Statistics.meanTolerance(stepStddev, 100_000)));
        assertThat(Statistics.stddev(logReturns))
                .isCloseTo(stepStddev, within(Statistics.stddevTolerance(stepStddev, 3, 100_000)));
    }

    @Test
    void eventTimeSetsTheStep() {
        TestGenerators.Created created = create("type = gbm, start = 100, drift = 0.5, volatility = 0, time-unit = 1h");
        TestGenerationContext context = new TestGenerationContext(1);

        created.next(context.eventTime(0));
        Object afterTwoHours = created.next(context.eventTime(7_200_000));

        assertThat((Double) afterTwoHours).isCloseTo(100 * Math.exp(1.0), within(1e-9));
    }

    @Test
    void keepsOnePathPerKey() {
        TestGenerators.Created created = create("type = gbm, start = 50, volatility = 0.5, dt = 1");
        TestGenerationContext context = new TestGenerationContext(1);

        created.next(context.key("a"));
        created.next(context.key("a"));

        assertThat(created.next(context.key("b"))).isEqualTo(50.0);
    }

    @Test
    void nonPositiveStartIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = gbm, start = 0, volatility = 0.2");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.start: invalid value 0; expected"
                        + " a number greater than 0");
    }

    @Test
    void negativeVolatilityIsRejected() {
        TestGenerators.Created created = TestGenerators.create(provider(), "type = gbm, start = 1, volatility = -0.2");

        assertThat(created.rendered())
                .containsExactly("test.conf:1: simulation.streams.test.fields.value.volatility: invalid value -0.2;"
                        + " expected a number of at least 0");
    }

    private TestGenerators.Created create(String hocon) {
        TestGenerators.Created created = TestGenerators.create(provider(), hocon);
        assertThat(created.rendered()).isEmpty();
        return created;
    }
}
