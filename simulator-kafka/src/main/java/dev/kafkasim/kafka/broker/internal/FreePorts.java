package dev.kafkasim.kafka.broker.internal;

import dev.kafkasim.core.KafkasimException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on 127.0.0.1. */
public final class FreePorts {
    private FreePorts() {}

    /**
     * Returns distinct ports that were free on 127.0.0.1 a moment ago. Another process may take a port before the
     * caller binds it, so callers retry on a bind failure.
     *
     * @param count how many ports to pick
     * @return the ports
     * @throws KafkasimException if the operating system gives no free port
     */
    public static int[] pick(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new KafkasimException("No free TCP port on 127.0.0.1: " + e.getMessage(), e);
        } finally {
            closeAll(sockets);
        }
    }

    private static void closeAll(ServerSocket[] sockets) {
        for (ServerSocket socket : sockets) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
