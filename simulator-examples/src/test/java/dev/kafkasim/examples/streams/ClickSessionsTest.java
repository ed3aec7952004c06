package dev.kafkasim.examples.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkasim.core.SimRecord;
import dev.kafkasim.core.SimulatorEngine;
import dev.kafkasim.kafka.junit.BootstrapServers;
import dev.kafkasim.kafka.junit.KafkaSimTest;
import dev.kafkasim.kafka.junit.Topic;
import dev.kafkasim.kafka.junit.TopicName;
import dev.kafkasim.kafka.streams.TopologyTestDriverSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs the bundled clickstream scenario through the session application, once through {@code TopologyTestDriver}
 * and once on the embedded broker. Both paths check every session against {@link SessionModel}, which finds the
 * sessions in the clicks the scenario emitted.
 */
@KafkaSimTest(
        scenario = "clickstream",
        overrides = ClickSessionsTest.OVERRIDES,
        uniqueTopics = true,
        topics = {@Topic(stream = "clicks"), @Topic(name = ClickSessions.SESSIONS)})
class ClickSessionsTest {
    /**
     * 600 clicks of 20 users over one minute of event time: each user clicks every 2 seconds on average, so a
     * 5-second inactivity gap both joins and splits sessions.
     */
    static final String OVERRIDES = """
            simulation {
              clock = virtual
              streams.clicks {
                count = 600
                rate = 10/s
                fields.user_id.cardinality = 20
              }
            }
            """;

    private static final Duration GAP = Duration.ofSeconds(5);

    @TopicName("clicks")
    String clicksTopic;

    @TopicName(ClickSessions.SESSIONS)
    String sessionsTopic;

    @Test
    void driverFindsEmittedSessions(SimulatorEngine engine) {
        List<SimRecord> emitted = StreamsTesting.emitted(engine.spec());
        SessionModel model = SessionModel.replay(emitted, GAP.toMillis());
        List<TestRecord<String, String>> sessions;

        try (TopologyTestDriver driver =
                StreamsTesting.driver(new ClickSessions(GAP).topology(clicksTopic, sessionsTopic), "click-sessions")) {
            StreamsTesting.run(engine.spec(), TopologyTestDriverSink.of(driver));
            sessions = StreamsTesting.output(driver, sessionsTopic);
        }

        assertSessionsSplit(model, emitted);
        assertThat(sessions(sessions)).hasSameSizeAs(model.sessions().keySet());
        assertThat(sessions(sessions)).isEqualTo(model.sessions());
    }

    @Test
    void brokerFindsSameSessions(SimulatorEngine engine, @BootstrapServers String bootstrapServers) {
        List<SimRecord> emitted = StreamsTesting.emitted(engine.spec());
        SessionModel model = SessionModel.replay(emitted, GAP.toMillis());
        List<TestRecord<String, String>> sessions;

        StreamsTesting.run(engine);
        try (StreamsOnBroker app = StreamsOnBroker.start(
                new ClickSessions(GAP).topology(clicksTopic, sessionsTopic), bootstrapServers, "click-sessions")) {
            app.awaitProcessed(clicksTopic);
            sessions = app.readAll(sessionsTopic);
        }

        assertSessionsSplit(model, emitted);
        assertThat(sessions(sessions)).hasSameSizeAs(model.sessions().keySet());
        assertThat(sessions(sessions)).isEqualTo(model.sessions());
    }

    /** Checks that the scenario's clicks form more sessions than users, none of them dropped. */
    private static void assertSessionsSplit(SessionModel model, List<SimRecord> emitted) {
        long users = emitted.stream().map(SimRecord::key).distinct().count();
        assertThat(model.sessions()).hasSizeGreaterThan((int) users);
        assertThat(model.dropped()).isEmpty();
    }

    /** Returns the sessions the output topic holds when read as a table, by key. */
    private static Map<String, SessionModel.Session> sessions(List<TestRecord<String, String>> records) {
        Map<String, SessionModel.Session> sessions = new TreeMap<>();
        StreamsTesting.table(records).forEach((key, value) -> {
            JsonNode json = StreamsTesting.json(value);
            sessions.put(
                    key,
                    new SessionModel.Session(
                            json.get("user").asText(),
                            json.get("start").asLong(),
                            json.get("end").asLong(),
                            json.get("clicks").asLong(),
                            json.get("exits").asLong()));
        });
        return sessions;
    }
}
