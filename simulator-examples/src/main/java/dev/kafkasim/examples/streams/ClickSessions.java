package dev.kafkasim.examples.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.SessionStore;

/**
 * Clickstream sessions: groups each user's clicks into session windows that close after a gap of inactivity, and
 * counts the clicks and the journeys that reached the {@code exit} page in each session.
 *
 * <p>Reads JSON clicks keyed by user id, such as those of the bundled {@code clickstream} scenario, from
 * {@link #CLICKS}, and writes every change of a session to {@link #SESSIONS}: the session as a JSON object with
 * {@code user}, {@code start}, {@code end}, {@code clicks} and {@code exits}, or a tombstone when a session merged
 * into a larger one. Read as a table, the topic contains each user's current sessions.
 *
 * <p>Output keys are {@code user@startMillis-endMillis}.
 */
public final class ClickSessions {
    /** The input topic of clicks. */
    public static final String CLICKS = "web.clicks";

    /** The output topic of session changes. */
    public static final String SESSIONS = "web.sessions";

    private final Duration inactivityGap;

    /**
     * Creates the application, whose sessions accept no late clicks.
     *
     * @param inactivityGap how long without a click ends a session
     */
    public ClickSessions(Duration inactivityGap) {
        this.inactivityGap = Objects.requireNonNull(inactivityGap, "inactivityGap");
    }

    /** Builds the topology on the default topics {@link #CLICKS} and {@link #SESSIONS}. */
    public Topology topology() {
        return topology(CLICKS, SESSIONS);
    }

    /**
     * Builds the topology on the given topics.
     *
     * @param clicks the input topic of clicks
     * @param sessions the output topic of session changes
     */
    public Topology topology(String clicks, String sessions) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(clicks, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> Json.parse(value).path("page").asText())
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(inactivityGap))
                .aggregate(
                        SessionStats::empty,
                        (user, page, stats) -> stats.add(page),
                        (user, left, right) -> left.merge(right),
                        Materialized.<String, SessionStats, SessionStore<Bytes, byte[]>>as("click-sessions")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(SessionStats.serde()))
                .toStream()
                .map((session, stats) -> KeyValue.pair(key(session), stats == null ? null : toJson(session, stats)))
                .to(sessions, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static String key(Windowed<String> session) {
        return session.key() + "@" + session.window().start() + "-"
                + session.window().end();
    }

    private static String toJson(Windowed<String> session, SessionStats stats) {
        ObjectNode node = Json.object();
        node.put("user", session.key());
        node.put("start", session.window().start());
        node.put("end", session.window().end());
        node.put("clicks", stats.clicks());
        node.put("exits", stats.exits());
        return Json.write(node);
    }

    /**
     * The clicks of one session and how many of them were on the exit page.
     *
     * @param clicks the number of clicks
     * @param exits the number of clicks on {@code exit}
     */
    public record SessionStats(long clicks, long exits) {
        /** Returns the stats of a session without clicks. */
        public static SessionStats empty() {
            return new SessionStats(0, 0);
        }

        /** Returns these stats with one more click on the given page. */
        public SessionStats add(String page) {
            return new SessionStats(clicks + 1, exits + ("exit".equals(page) ? 1 : 0));
        }

        /** Returns the stats of this session and another merged into one. */
        public SessionStats merge(SessionStats other) {
            return new SessionStats(clicks + other.clicks, exits + other.exits);
        }

        static Serde<SessionStats> serde() {
            return Serdes.serdeFrom(
                    (topic, stats) -> stats == null
                            ? null
                            : Serdes.String().serializer().serialize(topic, stats.clicks() + ";" + stats.exits()),
                    (topic, bytes) -> bytes == null
                            ? null
                            : parse(Serdes.String().deserializer().deserialize(topic, bytes)));
        }

        private static SessionStats parse(String text) {
            int separator = text.indexOf(';');
            return new SessionStats(
                    Long.parseLong(text.substring(0, separator)), Long.parseLong(text.substring(separator + 1)));
        }
    }
}
