package dev.kafkasim.examples.dashboard;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects requests that other web sites make through the user's browser, with status 403. The dashboard has no
 * authentication, so without this check any page the user visits could start and stop runs, and a page whose
 * host name resolves to 127.0.0.1 (DNS rebinding) could read the responses.
 *
 * <ul>
 *   <li>The {@code Host} header must name this server: {@code 127.0.0.1}, {@code localhost} or {@code [::1]} with
 *       the bound port, or the bind address given to the server.
 *   <li>A request other than {@code GET} or {@code HEAD} that carries an {@code Origin} header must come from one
 *       of those origins, such as {@code http://127.0.0.1:8089}.
 *   <li>A request other than {@code GET} or {@code HEAD} must send {@code Content-Type: application/json} unless
 *       its body is empty and it names no content type, so that a plain HTML form on another site cannot post to
 *       the API.
 * </ul>
 */
final class RequestGuard extends Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final Set<String> hosts;
    private final Set<String> origins;

    /**
     * Creates a guard for a server on a port.
     *
     * @param bindAddress the address the server binds to, as given, such as {@code 127.0.0.1} or {@code ::1}
     * @param bound the address the server resolved it to
     * @param port the bound port
     */
    RequestGuard(String bindAddress, InetAddress bound, int port) {
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        names.add(hostName(bindAddress));
        names.add(hostName(bound.getHostAddress()));
        Set<String> allowedHosts = new LinkedHashSet<>();
        Set<String> allowedOrigins = new LinkedHashSet<>();
        for (String name : names) {
            allowedHosts.add(name + ":" + port);
            allowedOrigins.add("http://" + name + ":" + port);
            if (port == 80) {
                // Browsers leave out the default port in both headers.
                allowedHosts.add(name);
                allowedOrigins.add("http://" + name);
            }
        }
        this.hosts = Collections.unmodifiableSet(allowedHosts);
        this.origins = Collections.unmodifiableSet(allowedOrigins);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String rejection = rejection(exchange);
        if (rejection != null) {
            LOG.warn(
                    "Dashboard rejected {} {} from {}: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRemoteAddress(),
                    rejection);
            Responses.sendError(exchange, new ApiException(ApiException.FORBIDDEN, rejection));
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "rejects requests whose Host, Origin or Content-Type shows that another web site sent them";
    }

    /** Returns why the request is rejected, or {@code null} when it may go on. */
    private String rejection(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            return "forbidden Host header '" + host + "'; the dashboard only accepts requests addressed to "
                    + String.join(", ", hosts);
        }
        if (SAFE_METHODS.contains(exchange.getRequestMethod())) {
            return null;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.trim().toLowerCase(Locale.ROOT))) {
            return "forbidden Origin header '" + origin + "'; the dashboard only accepts " + exchange.getRequestMethod()
                    + " requests from its own page at " + String.join(", ", origins);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null && !hasBody(exchange)) {
            return null;
        }
        if (contentType == null || !isJson(contentType)) {
            return "unsupported Content-Type '" + contentType + "'; " + exchange.getRequestMethod()
                    + " requests with a body must send Content-Type: application/json";
        }
        return null;
    }

    private static boolean hasBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return exchange.getRequestHeaders().containsKey("Transfer-Encoding");
    }

    private static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.trim().equalsIgnoreCase("application/json");
    }

    /** Returns a host as it appears in a Host header: lower case, with an IPv6 address in brackets. */
    private static String hostName(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.contains(":") && !name.startsWith("[")) {
            return "[" + name + "]";
        }
        return name;
    }
}
