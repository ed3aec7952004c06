package dev.kafkasim.examples.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.kafkasim.core.KafkasimException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard page and its HTTP API, by default on {@code http://127.0.0.1:8089/}. The page starts,
 * pauses, resumes and stops one simulation at a time and shows its rates, counts, latency and latest records; see
 * docs/dashboard.md.
 *
 * <pre>{@code
 * try (DashboardServer server = DashboardServer.builder().port(0).start()) {
 *     System.out.println("dashboard at " + server.uri());
 * }
 * }</pre>
 *
 * <p>Runs that name no bootstrap servers use an embedded Kafka broker on 127.0.0.1, started on the first such run
 * and stopped by {@link #close()}.
 */
public final class DashboardServer implements AutoCloseable {
    /** Default port of the dashboard. */
    public static final int DEFAULT_PORT = 8089;

    /** Default bind address of the dashboard: the loopback address only. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    /** The characters of a host name or of an IPv4 or IPv6 address, with an optional zone such as {@code %eth0}. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-:%\\[\\]]{1,253}");

    private final HttpServer server;
    private final ExecutorService executor;
    private final RunController controller;
    private final EventStream events;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DashboardServer(HttpServer server, ExecutorService executor, RunController controller, EventStream events) {
        this.server = server;
        this.executor = executor;
        this.controller = controller;
        this.events = events;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        this.uri =
                URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Returns a builder for a server on {@value #DEFAULT_ADDRESS}:{@value #DEFAULT_PORT}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves the dashboard until the JVM shuts down or the calling thread is interrupted, as the
     * {@code kafkasim --dashboard} option does, and prints its address.
     *
     * @param port the port, or 0 for any free one
     * @param bindAddress the address to bind to; anything but a loopback address logs a warning
     * @param bootstrapServers the cluster for runs, or {@code null} for an embedded broker
     * @param out where the address is printed
     * @throws KafkasimException if the port cannot be bound
     */
    public static void run(int port, String bindAddress, String bootstrapServers, PrintWriter out) {
        DashboardServer server = builder()
                .port(port)
                .bindAddress(bindAddress)
                .bootstrapServers(bootstrapServers)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread closeOnShutdown = new Thread(
                () -> {
                    server.close();
                    stopped.countDown();
                },
                "kafkasim-dashboard-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnShutdown);
        out.println("dashboard at " + server.uri() + " (press Ctrl-C to stop)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Closes before restoring the flag, so that stopping the run and the broker is not cut short.
            removeShutdownHook(closeOnShutdown);
            server.close();
            Thread.currentThread().interrupt();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, so the hook closes the server a second time, which close() allows.
        }
    }

    /**
     * Serves the dashboard until the JVM shuts down. Arguments: {@code [PORT] [--dashboard-address ADDRESS]
     * [--bootstrap-servers HOST:PORT,...]}.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        int port = DEFAULT_PORT;
        String address = DEFAULT_ADDRESS;
        String servers = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dashboard-address" -> address = value(args, ++i);
                    case "--bootstrap-servers" -> servers = value(args, ++i);
                    default -> port = parsePort(args[i]);
                }
            }
            run(port, address, servers, out);
        } catch (IllegalArgumentException | KafkasimException e) {
            System.err.println("kafkasim dashboard: " + e.getMessage());
            System.err.println(
                    "usage: DashboardServer [PORT] [--dashboard-address ADDRESS] [--bootstrap-servers HOST:PORT]");
            System.exit(2);
        }
    }

    /** Returns the page's address, such as {@code http://127.0.0.1:8089/}. */
    public URI uri() {
        return uri;
    }

    /** Stops the server, any run and the embedded broker. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        events.close();
        server.stop(0);
        controller.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Dashboard at {} stopped", uri);
    }

    @Override
    public String toString() {
        return "DashboardServer{uri=" + uri + "}";
    }

    /**
     * Parses a port number.
     *
     * @throws IllegalArgumentException if the text is not a number from 0 to 65535
     */
    public static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("invalid dashboard port '" + text + "'; expected 0 to 65535");
    }

    /**
     * Checks a bind address: an IP address such as {@code 127.0.0.1} or {@code ::1}, or a host name that resolves.
     * Text that cannot be a host name is rejected without a lookup.
     *
     * @throws IllegalArgumentException naming the address and the expected form
     */
    public static void checkBindAddress(String address) {
        String expected =
                "; expected an IP address such as " + DEFAULT_ADDRESS + " or ::1, or a host name that" + " resolves";
        if (address == null || !HOST.matcher(address).matches()) {
            throw new IllegalArgumentException("invalid dashboard address '" + address + "'" + expected);
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown dashboard address '" + address + "'" + expected, e);
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    /** Configures a {@link DashboardServer}. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String bindAddress = DEFAULT_ADDRESS;
        private String bootstrapServers;
        private ClassLoader classLoader = DashboardServer.class.getClassLoader();

        private Builder() {}

        /** Sets the port, 0 for any free one; {@value #DEFAULT_PORT} by default. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("invalid dashboard port " + port + "; expected 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the address to bind to; {@value #DEFAULT_ADDRESS} by default. The dashboard has no authentication,
         * so any address but a loopback one logs a warning.
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** Sets the cluster runs use when the page names none; without it, runs use an embedded broker. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers == null || bootstrapServers.isBlank() ? null : bootstrapServers;
            return this;
        }

        /** Sets where scenarios, plugins and the page's files are found; this class's loader by default. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running server
         * @throws KafkasimException if the address is unknown or the port cannot be bound
         */
        public DashboardServer start() {
            InetAddress host = resolve(bindAddress);
            InetSocketAddress address = new InetSocketAddress(host, port);
            warnIfReachable(address);
            HttpServer server;
            try {
                server = HttpServer.create(address, 0);
            } catch (IOException e) {
                throw new KafkasimException(
                        "could not listen on " + bindAddress + ":" + port + ": " + e.getMessage()
                                + "; pass another port, or 0 for any free one",
                        e);
            }
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "kafkasim-dashboard-http");
                thread.setDaemon(true);
                return thread;
            });
            RunController controller = new RunController(bootstrapServers, classLoader);
            EventStream events = new EventStream(controller::status);
            RequestGuard guard =
                    new RequestGuard(bindAddress, host, server.getAddress().getPort());
            server.createContext("/api/", new ApiHandler(controller, events))
                    .getFilters()
                    .add(guard);
            server.createContext("/", new StaticFiles(classLoader)).getFilters().add(guard);
            server.setExecutor(executor);
            server.start();
            DashboardServer dashboard = new DashboardServer(server, executor, controller, events);
            LOG.info("Dashboard listening at {}", dashboard.uri());
            return dashboard;
        }

        private static InetAddress resolve(String host) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new KafkasimException(
                        "unknown dashboard address '" + host + "'; use an IP address such as " + DEFAULT_ADDRESS, e);
            }
        }

        private static void warnIfReachable(InetSocketAddress address) {
            exposureWarning(address).ifPresent(LOG::warn);
        }

        @Override
        public String toString() {
            return "DashboardServer.Builder{bindAddress=" + bindAddress + ", port=" + port + ", bootstrapServers="
                    + bootstrapServers + "}";
        }
    }

    /**
     * Returns the warning for a bind address that other machines may reach, or empty for a loopback address. The
     * dashboard has no authentication, so anyone who reaches it can start and stop runs.
     */
    static Optional<String> exposureWarning(InetSocketAddress address) {
        if (address.getAddress().isLoopbackAddress()) {
            return Optional.empty();
        }
        return Optional.of("The dashboard listens on " + address + ", which other machines may reach, and it has no"
                + " authentication: anyone who reaches it can start and stop runs. Bind it to " + DEFAULT_ADDRESS
                + " unless you need remote access.");
    }
}
