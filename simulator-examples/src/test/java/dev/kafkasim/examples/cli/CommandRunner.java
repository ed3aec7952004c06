package dev.kafkasim.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command in this JVM with captured standard output and error. */
final class CommandRunner {
    private CommandRunner() {}

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new KafkasimCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute(args);

        return new Result(exitCode, out.toString(), err.toString());
    }
}
