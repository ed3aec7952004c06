package dev.kafkasim.benchmarks;

import dev.kafkasim.kafka.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.InputStream;

/**
 * Starts one embedded broker on 127.0.0.1, prints its bootstrap address as the first line of standard output, and
 * stops it when standard input reaches its end or the JVM receives a termination signal.
 */
public final class BrokerMain {
    private BrokerMain() {}

    /**
     * Runs the broker until standard input closes.
     *
     * @param args none
     * @throws IOException if reading standard input fails
     */
    public static void main(String[] args) throws IOException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-stop"));
        System.out.println(broker.bootstrapServers());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // Waits for the end of input: the script closes the pipe when it is done.
        }
        System.exit(0);
    }
}
