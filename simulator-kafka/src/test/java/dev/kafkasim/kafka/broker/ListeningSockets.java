package dev.kafkasim.kafka.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the local addresses of listening TCP sockets from Linux's {@code /proc/net/tcp} and {@code tcp6}. */
public final class ListeningSockets {
    private static final String LISTEN_STATE = "0A";
    private static final String IPV4_MAPPED_PREFIX = "0000000000000000FFFF0000";

    private ListeningSockets() {}

    /**
     * Returns the local address of each listening socket on one of the ports, such as {@code 127.0.0.1}, or
     * {@code ::} for an IPv6 wildcard.
     */
    public static List<String> localAddresses(int... ports) throws IOException {
        Set<Integer> portSet = new HashSet<>();
        for (int port : ports) {
            portSet.add(port);
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line :
                    Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                int port = Integer.parseInt(local[1], 16);
                if (columns[3].equals(LISTEN_STATE) && portSet.contains(port)) {
                    addresses.add(decode(local[0]));
                }
            }
        }
        return addresses;
    }

    /**
     * Decodes the kernel's hexadecimal address: IPv4 as one little-endian word, IPv6 as four. An IPv4-mapped IPv6
     * address ({@code ::ffff:127.0.0.1}, as Java binds on a dual-stack host) decodes to its IPv4 form.
     */
    private static String decode(String hex) {
        if (hex.length() == 8) {
            return decodeIpv4(hex);
        }
        if (hex.startsWith(IPV4_MAPPED_PREFIX)) {
            return decodeIpv4(hex.substring(IPV4_MAPPED_PREFIX.length()));
        }
        return hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
    }

    private static String decodeIpv4(String hex) {
        long word = Long.parseLong(hex, 16);
        return (word & 0xFF) + "." + ((word >> 8) & 0xFF) + "." + ((word >> 16) & 0xFF) + "." + ((word >> 24) & 0xFF);
    }
}
