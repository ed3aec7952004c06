package dev.kafkasim.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkasim.examples.cli.KafkasimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DashboardOptionTest {
    private static final Pattern ADDRESS_LINE =
            Pattern.compile("dashboard at (http://\\S+) \\(press Ctrl-C to stop\\)");

    @Test
    void usageListsDashboardOptions() {
        String usage = new CommandLine(new KafkasimCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage).contains("--dashboard[=PORT]");
        assertThat(usage).contains("--dashboard-address=ADDRESS");
    }

    @Test
    void dashboardPortDefaultsToDocumentedOne() {
        CommandLine command = new CommandLine(new KafkasimCommand());

        CommandLine.ParseResult result = command.parseArgs("--dashboard");

        assertThat(result.matchedOptionValue("--dashboard", 0)).isEqualTo(DashboardServer.DEFAULT_PORT);
        assertThat(DashboardServer.DEFAULT_PORT).isEqualTo(8089);
    }

    @Test
    void dashboardOptionServesPageOnLoopback() throws Exception {
        StringWriter output = new StringWriter();
        CommandLine command = new CommandLine(new KafkasimCommand()).setOut(new PrintWriter(output, true));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread commandThread = new Thread(() -> exitCode.set(command.execute("--dashboard=0")), "dashboard-command");
        commandThread.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> ADDRESS_LINE.matcher(output.toString()).find());
            Matcher address = ADDRESS_LINE.matcher(output.toString());
            assertThat(address.find()).isTrue();
            URI uri = URI.create(address.group(1));

            HttpResponse<String> page = get(uri);
            HttpResponse<String> scenarios = get(uri.resolve("/api/scenarios"));

            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>kafkasim dashboard</title>");
            // No --bootstrap-servers: runs go to the embedded broker, so the page offers no default cluster.
            assertThat(scenarios.body()).contains("\"bootstrapServers\":null");
        } finally {
            commandThread.interrupt();
            commandThread.join(Duration.ofSeconds(20).toMillis());
        }
        assertThat(commandThread.isAlive()).isFalse();
        assertThat(exitCode.get()).isEqualTo(KafkasimCommand.EXIT_OK);
    }

    @Test
    void dashboardRejectsRunOptions() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new KafkasimCommand()).setErr(new PrintWriter(errors, true));

        int exitCode = command.execute("--dashboard=0", "--rate", "500/s", "--seed", "7");

        assertThat(exitCode).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(errors.toString())
                .isEqualTo("kafkasim: --rate, --seed do not apply with --dashboard, because the page sets the scenario"
                        + " and its settings for each run; remove them, or run without --dashboard"
                        + System.lineSeparator());
    }

    @Test
    void invalidDashboardPortExitsWithTwo() {
        for (String port : List.of("99999", "-5")) {
            StringWriter errors = new StringWriter();
            CommandLine command = new CommandLine(new KafkasimCommand()).setErr(new PrintWriter(errors, true));

            int exitCode = command.execute("--dashboard", port);

            assertThat(exitCode).as(port).isEqualTo(KafkasimCommand.EXIT_INVALID);
            assertThat(errors.toString())
                    .as(port)
                    .isEqualTo("kafkasim: invalid --dashboard port " + port
                            + ": expected 0 to 65535, where 0 picks any free port" + System.lineSeparator());
        }
    }

    @Test
    void invalidDashboardAddressExitsWithTwo() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new KafkasimCommand()).setErr(new PrintWriter(errors, true));

        int exitCode = command.execute("--dashboard=0", "--dashboard-address", "not an address");

        assertThat(exitCode).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(errors.toString())
                .isEqualTo("kafkasim: invalid --dashboard-address: invalid dashboard address 'not an address';"
                        + " expected an IP address such as 127.0.0.1 or ::1, or a host name that resolves"
                        + System.lineSeparator());
    }

    @Test
    void dashboardAddressWithoutDashboardExitsWithTwo() {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new KafkasimCommand()).setErr(new PrintWriter(errors, true));

        int exitCode = command.execute("--dashboard-address", "127.0.0.1", "--list-generators");

        assertThat(exitCode).isEqualTo(KafkasimCommand.EXIT_INVALID);
        assertThat(errors.toString())
                .isEqualTo("kafkasim: --dashboard-address 127.0.0.1 applies only with --dashboard; add --dashboard,"
                        + " or remove --dashboard-address" + System.lineSeparator());
    }

    @Test
    void loopbackAddressesGetNoWarning() throws Exception {
        for (String address : List.of("127.0.0.1", "127.0.0.2", "::1")) {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 8089);

            assertThat(DashboardServer.exposureWarning(socket)).as(address).isEmpty();
        }
    }

    @Test
    void reachableAddressesGetWarning() throws Exception {
        // Only the address is checked, so nothing binds to these.
        for (String address : List.of("0.0.0.0", "::", "192.0.2.10")) {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 8089);

            assertThat(DashboardServer.exposureWarning(socket))
                    .as(address)
                    .hasValueSatisfying(warning -> assertThat(warning)
                            .contains("which other machines may reach")
                            .contains("no authentication")
                            .contains("Bind it to 127.0.0.1"));
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
