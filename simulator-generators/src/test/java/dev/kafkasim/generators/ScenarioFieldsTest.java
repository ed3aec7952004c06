package dev.kafkasim.generators;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.spi.FieldGenerator;
import dev.kafkasim.core.spi.GeneratorProvider;
import dev.kafkasim.core.spi.GeneratorSpec;
import dev.kafkasim.generators.testkit.TestGenerationContext;
import dev.kafkasim.generators.testkit.TestGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creates every field generator of each bundled scenario the way the engine does, and draws a few records. */
class ScenarioFieldsTest {
    @Test
    void iotSensorsFieldsAreValid() {
        List<ConfigProblem> problems = createAndDraw("iot-sensors");

        assertThat(problems).isEmpty();
    }

    @Test
    void clickstreamFieldsAreValid() {
        List<ConfigProblem> problems = createAndDraw("clickstream");

        assertThat(problems).isEmpty();
    }

    @Test
    void ordersFieldsAreValid() {
        List<ConfigProblem> problems = createAndDraw("orders");

        assertThat(problems).isEmpty();
    }

    private static List<ConfigProblem> createAndDraw(String scenario) {
        Config config = ConfigFactory.parseResources("kafkasim/scenarios/" + scenario + ".conf");
        assertThat(config.hasPath("simulation.streams"))
                .as("scenario " + scenario + " has streams")
                .isTrue();
        Map<String, GeneratorProvider> providers = TestGenerators.providers();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> stream :
                config.getObject("simulation.streams").entrySet()) {
            String path = "simulation.streams." + stream.getKey() + ".fields";
            ConfigObject fields = config.getObject(path);
            List<FieldGenerator> generators = new ArrayList<>();
            for (String field : fields.keySet()) {
                Config block = config.getConfig(path + "." + field);
                GeneratorSpec spec = new GeneratorSpec(
                        stream.getKey(),
                        field,
                        path + "." + field,
                        block,
                        block.origin(),
                        problems,
                        nested -> providers.get(nested.type()).create(nested));
                generators.add(providers.get(spec.type()).create(spec));
                spec.rejectUnknownKeys();
            }
            TestGenerationContext context = new TestGenerationContext(1).key("k");
            for (int i = 0; i < 1000; i++) {
                for (FieldGenerator generator : generators) {
                    generator.next(context);
                }
                context.advance();
            }
        }
        return problems;
    }
}
