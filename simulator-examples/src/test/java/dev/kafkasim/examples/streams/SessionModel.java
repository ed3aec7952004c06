package dev.kafkasim.examples.streams;

import dev.kafkasim.core.SimRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sessions that {@link ClickSessions} finds in given clicks, following Kafka Streams' rules for session windows
 * without a grace period: a click joins every session of its user that ends no earlier than the click's time minus
 * the inactivity gap and starts no later than its time plus the gap, merging them into one; a click whose merged
 * session ends before the stream time is dropped.
 */
final class SessionModel {
    private final long gap;
    private final Map<String, List<Session>> byUser = new HashMap<>();
    private final List<SimRecord> dropped = new ArrayList<>();
    private long streamTime = Long.MIN_VALUE;

    /**
     * One session of one user.
     *
     * @param user the user id
     * @param start the time of its first click
     * @param end the time of its last click
     * @param clicks the number of clicks
     * @param exits the number of clicks on the {@code exit} page
     */
    record Session(String user, long start, long end, long clicks, long exits) {
        /** Returns the key the application writes the session under. */
        String key() {
            return user + "@" + start + "-" + end;
        }

        boolean overlaps(long time, long gap) {
            return end >= time - gap && start <= time + gap;
        }

        Session merge(Session other) {
            return new Session(
                    user,
                    Math.min(start, other.start),
                    Math.max(end, other.end),
                    clicks + other.clicks,
                    exits + other.exits);
        }
    }

    private SessionModel(long gap) {
        this.gap = gap;
    }

    /** Replays clicks in the order the application received them. */
    static SessionModel replay(List<SimRecord> clicks, long gapMillis) {
        SessionModel model = new SessionModel(gapMillis);
        clicks.forEach(model::add);
        return model;
    }

    /** Returns every session by key. */
    Map<String, Session> sessions() {
        Map<String, Session> sessions = new TreeMap<>();
        byUser.values().forEach(list -> list.forEach(session -> sessions.put(session.key(), session)));
        return sessions;
    }

    /** Returns the clicks dropped because their session had closed. */
    List<SimRecord> dropped() {
        return dropped;
    }

    private void add(SimRecord click) {
        String user = (String) click.key();
        long time = click.timestamp();
        streamTime = Math.max(streamTime, time);
        long exits = "exit".equals(click.recordValue().get("page")) ? 1 : 0;
        Session merged = new Session(user, time, time, 1, exits);
        List<Session> sessions = byUser.computeIfAbsent(user, u -> new ArrayList<>());
        List<Session> joined =
                sessions.stream().filter(s -> s.overlaps(time, gap)).toList();
        for (Session session : joined) {
            merged = merged.merge(session);
        }
        if (merged.end() < streamTime) {
            dropped.add(click);
            return;
        }
        sessions.removeAll(joined);
        sessions.add(merged);
    }
}
