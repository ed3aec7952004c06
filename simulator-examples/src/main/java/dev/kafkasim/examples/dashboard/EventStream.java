package dev.kafkasim.examples.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the status to every connected page as server-sent events: one {@code status} event every
 * {@value #INTERVAL_MILLIS} ms, each a {@link DashboardStatus} as JSON.
 */
final class EventStream implements AutoCloseable {
    static final long INTERVAL_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final Supplier<DashboardStatus> status;
    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;

    EventStream(Supplier<DashboardStatus> status) {
        this.status = status;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafkasim-dashboard-events");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::broadcast, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Keeps a request open as an event stream and sends it the current status at once. */
    void connect(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        if (write(exchange, event(status.get()))) {
            clients.add(exchange);
        }
    }

    /** Returns how many pages are connected. */
    int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clients.forEach(HttpExchange::close);
        clients.clear();
    }

    private void broadcast() {
        if (clients.isEmpty()) {
            return;
        }
        try {
            byte[] event = event(status.get());
            for (HttpExchange client : clients) {
                if (!write(client, event)) {
                    clients.remove(client);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Dashboard could not send the status to the connected pages", e);
        }
    }

    private static byte[] event(DashboardStatus status) {
        return ("event: status\ndata: " + Responses.json(status) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes an event; returns false and closes the request when the page has gone. */
    private static boolean write(HttpExchange exchange, byte[] event) {
        try {
            OutputStream out = exchange.getResponseBody();
            out.write(event);
            out.flush();
            return true;
        } catch (IOException e) {
            exchange.close();
            return false;
        }
    }
}
