package dev.kafkasim.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasim.examples.cli.KafkasimCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DashboardOptionTest {
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
}
