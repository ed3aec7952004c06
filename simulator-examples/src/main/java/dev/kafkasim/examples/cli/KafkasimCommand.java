package dev.kafkasim.examples.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.kafkasim.core.ConfigProblem;
import dev.kafkasim.core.ConfigurationException;
import dev.kafkasim.examples.dashboard.DashboardServer;
import dev.kafkasim.kafka.sink.internal.SecretMasking;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code kafkasim} command. Without arguments it starts an embedded Kafka broker on 127.0.0.1, runs the bundled
 * {@value #DEFAULT_SCENARIO} scenario for ten seconds, reads every record back and prints
 * {@code verified: generated=N acknowledged=N consumed=N missing=0 duplicates=0}.
 *
 * <p>Exit codes: 0 when records were generated and each was read back exactly once (copies that the
 * {@code duplicate} fault sends on purpose do not count); 1 when records were missing or duplicated, or the broker,
 * a sink or the verifier failed, or the report could not be written; 2 for invalid options or an invalid scenario.
 *
 * <p>Example: {@code kafkasim --rate 500/s --duration 30s sensors.conf}.
 */
@Command(
        name = "kafkasim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Generates realistic, reproducible traffic into Kafka and reads it back to check that every record"
                    + " arrived exactly once.",
            "",
            "Without arguments it starts an embedded broker on 127.0.0.1, runs the bundled iot-sensors scenario for"
                    + " 10 seconds and prints a progress line each second, then one summary line."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:records were generated and each was read back exactly once",
            "1:records were missing or duplicated, or the broker or a sink failed",
            "2:invalid options or an invalid scenario"
        })
public final class KafkasimCommand implements Callable<Integer> {
    /** The bundled scenario that runs when no scenario file or name is given. */
    public static final String DEFAULT_SCENARIO = "iot-sensors";

    /** Exit code for a run in which every record was read back exactly once. */
    public static final int EXIT_OK = 0;

    /** Exit code for missing or duplicated records, or a failed broker, sink or verifier. */
    public static final int EXIT_FAILED = 1;

    /** Exit code for invalid options or an invalid scenario. */
    public static final int EXIT_INVALID = 2;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO_FILE",
            description = "HOCON scenario file to run. Without it, the bundled scenario named by --scenario runs.")
    private Path scenarioFile;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            description = "Bundled scenario to run when no file is given (default: " + DEFAULT_SCENARIO + ").")
    private String scenarioName;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Existing Kafka cluster to write to and read from. Without it, an embedded broker is"
                    + " started on 127.0.0.1 and stopped at the end.")
    private String bootstrapServers;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Length of the run in event time, such as 30s or 2m (sets simulation.duration). Default:"
                    + " the scenario's limits, or 10s when it sets none.")
    private String duration;

    @Option(
            names = "--rate",
            paramLabel = "RATE",
            description = "Records per unit of time for every stream, such as 500/s, 12/min or 3600/h (sets each"
                    + " stream's rate).")
    private String rate;

    @Option(
            names = "--count",
            paramLabel = "N",
            description = "Records to generate across all streams before the run ends (sets simulation.count).")
    private Long count;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed for every random draw; the same seed and scenario give the same records (sets"
                    + " simulation.seed).")
    private Long seed;

    @Option(
            names = "--clock",
            paramLabel = "CLOCK",
            description = "real-time: send each record at its scheduled time; virtual: send as fast as possible while"
                    + " event time follows the schedule (sets simulation.clock).")
    private String clock;

    @Option(
            names = "--sink",
            paramLabel = "SINK",
            description = "kafka (default): send to Kafka and read every record back; console: write each record as"
                    + " one JSON line to standard output, with no broker.")
    private String sink = "kafka";

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Write a JSON report of the run to FILE at the end: per-stream counts, target and achieved"
                    + " rates, latency percentiles, faults by kind and the verifier's findings.")
    private Path reportFile;

    @Option(
            names = "--list-generators",
            description = "Print every generator type on the class path with its description, then exit.")
    private boolean listGenerators;

    @Option(
            names = "--print-schema",
            paramLabel = "STREAM[:key]",
            description = "Print the schema that a stream's value format writes (its key format's with :key), such"
                    + " as the Avro schema of format = avro, as JSON, then exit without sending anything.")
    private String printSchema;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(
            names = "--dashboard",
            arity = "0..1",
            fallbackValue = "" + DashboardServer.DEFAULT_PORT,
            paramLabel = "PORT",
            description = "Serve the dashboard page on 127.0.0.1 at PORT (default: " + DashboardServer.DEFAULT_PORT
                    + ", 0 for any free port) until Ctrl-C, instead of running once; see docs/dashboard.md.")
    private Integer dashboardPort;

    @Option(
            names = "--dashboard-address",
            paramLabel = "ADDRESS",
            description = "Address the dashboard binds to (default: " + DashboardServer.DEFAULT_ADDRESS + "). The page"
                    + " has no authentication, so any other address logs a warning.")
    private String dashboardAddress = DashboardServer.DEFAULT_ADDRESS;

    /** Options that set up one run, which --dashboard rejects. */
    private static final List<String> DASHBOARD_EXCLUDED_OPTIONS = List.of(
            "--scenario",
            "--duration",
            "--rate",
            "--count",
            "--seed",
            "--clock",
            "--sink",
            "--report",
            "--print-schema");

    @Spec
    private CommandSpec spec;

    private volatile SimulationRun activeRun;
    private volatile ConsoleRun consoleRun;

    /** Creates the command; picocli sets its options. */
    public KafkasimCommand() {}

    /**
     * Runs the command with the process's arguments and exits with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        KafkasimCommand command = new KafkasimCommand();
        Thread stopOnInterrupt = new Thread(command::stopActiveRun, "kafkasim-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        int exitCode = new CommandLine(command).execute(args);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        } catch (IllegalStateException e) {
            // Interrupted (Ctrl-C or SIGTERM): the JVM is shutting down and ends with the signal's status once the
            // hook has let the summary print.
            return;
        }
        System.exit(exitCode);
    }

    /** Runs the command; called by picocli after it has set the options. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        try {
            checkDashboardOptions();
            if (listGenerators) {
                GeneratorCatalog.print(classLoader, out);
                return EXIT_OK;
            }
            if (dashboardPort != null) {
                rejectRunOptionsWithDashboard();
                DashboardServer.run(dashboardPort, dashboardAddress, bootstrapServers, out);
                return EXIT_OK;
            }
            if (count != null && count < 1) {
                throw new InvalidArgumentException(
                        "invalid --count " + count + ": expected a whole number of records, 1 or more");
            }
            Config scenario = loadScenario(new ScenarioLoader(classLoader));
            if (printSchema != null) {
                return SchemaPrinter.print(printSchema, overrides().applyTo(scenario), classLoader, out);
            }
            if (isConsole()) {
                consoleRun = new ConsoleRun(err, classLoader);
                return consoleRun.run(scenario, overrides());
            }
            checkReportFile();
            activeRun = new SimulationRun(out, classLoader, reportFile);
            return activeRun.run(scenario, overrides(), bootstrapServers);
        } catch (ConfigurationException e) {
            printProblems(err, e);
            return EXIT_INVALID;
        } catch (InvalidArgumentException e) {
            err.println("kafkasim: " + e.getMessage());
            return EXIT_INVALID;
        } catch (ConfigException e) {
            err.println("kafkasim: invalid scenario: " + SecretMasking.scrub(e.getMessage(), Map.of()));
            printStackTraceIfVerbose(err, e);
            return EXIT_INVALID;
        } catch (RuntimeException e) {
            err.println("kafkasim: " + SecretMasking.scrub(describe(e), Map.of()));
            printStackTraceIfVerbose(err, e);
            return EXIT_FAILED;
        } finally {
            activeRun = null;
            consoleRun = null;
            out.flush();
            err.flush();
        }
    }

    /** Rejects a dashboard port or address that is out of range or malformed, and an address without a port. */
    private void checkDashboardOptions() {
        if (dashboardPort == null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--dashboard-address")) {
                throw new InvalidArgumentException("--dashboard-address " + dashboardAddress + " applies only with"
                        + " --dashboard; add --dashboard, or remove --dashboard-address");
            }
            return;
        }
        if (dashboardPort < 0 || dashboardPort > 65_535) {
            throw new InvalidArgumentException("invalid --dashboard port " + dashboardPort + ": expected 0 to 65535,"
                    + " where 0 picks any free port");
        }
        try {
            DashboardServer.checkBindAddress(dashboardAddress);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid --dashboard-address: " + e.getMessage());
        }
    }

    /** Rejects the options that set up one run, because the dashboard's page sets those for each run it starts. */
    private void rejectRunOptionsWithDashboard() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        if (parsed.hasMatchedPositional(0)) {
            given.add("SCENARIO_FILE");
        }
        for (String option : DASHBOARD_EXCLUDED_OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw new InvalidArgumentException(String.join(", ", given) + (given.size() == 1 ? " does" : " do")
                    + " not apply with --dashboard, because the page sets the scenario and its settings for each run;"
                    + " remove " + (given.size() == 1 ? "it" : "them") + ", or run without --dashboard");
        }
    }

    private Config loadScenario(ScenarioLoader loader) {
        if (scenarioFile != null && scenarioName != null) {
            throw new InvalidArgumentException("give either a scenario file or --scenario, not both (got "
                    + scenarioFile + " and --scenario " + scenarioName + ")");
        }
        if (scenarioFile != null) {
            return loader.fromFile(scenarioFile);
        }
        return loader.bundled(scenarioName == null ? DEFAULT_SCENARIO : scenarioName);
    }

    /** Returns whether the records go to standard output, after checking the --sink value and its companions. */
    private boolean isConsole() {
        if (!sink.equals("kafka") && !sink.equals("console")) {
            throw new InvalidArgumentException("invalid value '" + sink + "' for --sink; expected kafka or console");
        }
        if (sink.equals("console") && reportFile != null) {
            throw new InvalidArgumentException("--report does not apply with --sink console, because the report holds"
                    + " the delivery verifier's findings; remove one of them");
        }
        if (sink.equals("console") && bootstrapServers != null) {
            throw new InvalidArgumentException("--bootstrap-servers does not apply with --sink console, which writes"
                    + " to standard output; remove one of them");
        }
        return sink.equals("console");
    }

    /** Rejects a --report path that cannot be written, before a broker starts. */
    private void checkReportFile() {
        if (reportFile == null) {
            return;
        }
        Path target = reportFile.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new InvalidArgumentException("invalid --report " + reportFile + ": it is a directory; give a file"
                    + " name, such as " + reportFile.resolve("report.json"));
        }
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new InvalidArgumentException("invalid --report " + reportFile + ": directory " + directory
                    + " does not exist; create it or give another path");
        }
        if (!Files.isWritable(directory)) {
            throw new InvalidArgumentException("invalid --report " + reportFile + ": directory " + directory
                    + " is not writable; give another path");
        }
    }

    private ScenarioOverrides overrides() {
        return new ScenarioOverrides()
                .clock(clock)
                .seed(seed)
                .duration(duration)
                .count(count)
                .rate(rate);
    }

    private void stopActiveRun() {
        ConsoleRun console = consoleRun;
        if (console != null) {
            console.stop();
        }
        SimulationRun run = activeRun;
        if (run == null) {
            return;
        }
        try {
            run.stopAndAwait(Duration.ofSeconds(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printProblems(PrintWriter err, ConfigurationException e) {
        int count = e.problems().size();
        err.println("kafkasim: invalid scenario (" + count + (count == 1 ? " problem):" : " problems):"));
        for (ConfigProblem problem : e.problems()) {
            err.println(problem.render());
        }
        printStackTraceIfVerbose(err, e);
    }

    /** Prints the stack trace when {@code --verbose} is set, with passwords and secrets masked. */
    private void printStackTraceIfVerbose(PrintWriter err, Throwable e) {
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(SecretMasking.scrub(trace.toString(), Map.of()));
        }
    }

    /** Returns the message of an error followed by the messages of its causes that add to it. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.getMessage() == null ? error.toString() : error.getMessage());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }
}
