package dev.kafkasim.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static DashboardServer server;

    @BeforeAll
    static void startServer() {
        server = DashboardServer.builder().port(0).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void serverBindsLoopbackByDefault() {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void scenariosListsBundledOnes() throws Exception {
        JsonNode scenarios = get("/api/scenarios").body;

        assertThat(scenarios.get("bundled").toString()).contains("iot-sensors", "clickstream", "orders");
    }

    @Test
    void scenarioDescribesStreams() throws Exception {
        JsonNode scenario = get("/api/scenario?name=iot-sensors").body;

        assertThat(scenario.at("/streams/0/name").asText()).isEqualTo("sensors");
        assertThat(scenario.at("/streams/0/topic").asText()).isEqualTo("iot.sensors");
        assertThat(scenario.at("/streams/0/rate").asText()).isEqualTo("200/s");
    }

    @Test
    void scenarioClockUsesScenarioSpelling(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("virtual.conf");
        Files.writeString(
                file,
                "simulation {\n  clock = virtual\n  streams.s { rate = 5/s, fields { n { type = sequence } } }\n}\n");

        JsonNode bundled = get("/api/scenario?name=iot-sensors").body;
        JsonNode virtual = get("/api/scenario?file=" + file).body;

        assertThat(bundled.get("clock").asText()).isEqualTo("real-time");
        assertThat(virtual.get("clock").asText()).isEqualTo("virtual");
    }

    @Test
    void runGoesThroughPauseResumeStop() throws Exception {
        Response started = post(
                "/api/start",
                "{\"scenario\": \"iot-sensors\", \"streams\": {\"sensors\": "
                        + "{\"topic\": \"api.sensors\", \"rate\": \"300/s\"}}}");
        assertThat(started.status).as(started.body.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status().at("/totals/acknowledged").asLong() > 50);

        Response paused = post("/api/pause", "");
        Response pausedAgain = post("/api/pause", "");
        Response resumed = post("/api/resume", "");
        Response rateChanged = post("/api/streams/sensors/rate", "{\"rate\": \"100/s\"}");
        Response streamPaused = post("/api/streams/sensors/pause", "");
        Response streamPausedAgain = post("/api/streams/sensors/pause", "");
        Response unknownStreamPaused = post("/api/streams/nope/pause", "");
        Response streamResumed = post("/api/streams/sensors/resume", "");
        Response stopped = post("/api/stop", "");

        assertThat(paused.body.get("state").asText()).isEqualTo("PAUSED");
        assertThat(paused.body.at("/actions/resume").asBoolean()).isTrue();
        assertThat(pausedAgain.status).isEqualTo(409);
        assertThat(pausedAgain.body.get("error").asText()).isEqualTo("cannot pause: the run is paused");
        assertThat(resumed.body.get("state").asText()).isEqualTo("RUNNING");
        assertThat(rateChanged.status).isEqualTo(200);
        assertThat(streamPaused.body.at("/streams/0/paused").asBoolean()).isTrue();
        assertThat(streamPaused.body.get("state").asText()).isEqualTo("RUNNING");
        assertThat(streamPausedAgain.status).isEqualTo(409);
        assertThat(streamPausedAgain.body.get("error").asText())
                .isEqualTo("cannot pause stream 'sensors': it is already paused");
        assertThat(unknownStreamPaused.status).isEqualTo(404);
        assertThat(unknownStreamPaused.body.get("error").asText())
                .isEqualTo("unknown stream 'nope'; the run has [sensors]");
        assertThat(streamResumed.body.at("/streams/0/paused").asBoolean()).isFalse();
        assertThat(stopped.body.get("state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.body.at("/streams/0/topic").asText()).isEqualTo("api.sensors");
        assertThat(stopped.body.at("/streams/0/recent/0/key").asText()).startsWith("sensor-");
        await().atMost(Duration.ofSeconds(40))
                .until(() -> "done".equals(status().at("/verification/state").asText()));
        JsonNode verification = status().get("verification");
        assertThat(verification.get("passed").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.get("summary").asText())
                .startsWith("verified: generated=")
                .endsWith("duplicates=0");
        assertThat(verification.at("/endToEndLatency/count").asLong())
                .isEqualTo(verification.at("/streams/0/consumed").asLong());
        assertThat(verification.at("/streams/0/orderViolations").asLong()).isZero();
        JsonNode finished = status();
        assertThat(finished.at("/latency/source").asText()).isEqualTo("end-to-end");
        assertThat(finished.at("/latency/count").asLong()).isPositive();
        assertThat(finished.at("/sendLatency/source").asText()).isEqualTo("send");
        assertThat(finished.at("/sendLatency/count").asLong()).isPositive();
        assertThat(finished.at("/actions/start").asBoolean()).isTrue();
    }

    @Test
    void invalidStartRequestIsBadRequest() throws Exception {
        Response response = post("/api/start", "{\"seed\": \"abc\", \"streams\": {\"sensors\": {\"rate\": \"fast\"}}}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body.get("error").asText())
                .startsWith("invalid start request: ")
                .contains("seed must be a whole number")
                .contains("streams.sensors.rate: invalid rate 'fast'");
    }

    @Test
    void invalidScenarioReturnsItsProblems(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("typo.conf");
        Files.writeString(
                file,
                "simulation {\n  streams.s {\n    topic = t\n    rate = 10/s\n    fields {\n"
                        + "      x { type = normal, mean = 1, stddv = 2 }\n    }\n  }\n}\n");

        Response response = post("/api/start", "{\"scenarioFile\": " + JSON.writeValueAsString(file.toString()) + "}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body.get("problems").findValuesAsText("path"))
                .contains("simulation.streams.s.fields.x.stddv");
        assertThat(response.body.get("problems").findValuesAsText("origin")).allMatch(o -> o.contains("typo.conf:6"));
        assertThat(status().at("/error/problems").findValuesAsText("message"))
                .anyMatch(message -> message.contains("did you mean 'stddev'"));
    }

    @Test
    void scenarioFileWithOtherExtensionIsRejected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("hostname");
        Files.writeString(file, "secret-host-name\n");

        Response described = get("/api/scenario?file=" + file);
        Response started = post("/api/start", "{\"scenarioFile\": " + JSON.writeValueAsString(file.toString()) + "}");

        for (Response response : List.of(described, started)) {
            assertThat(response.status).isEqualTo(400);
            assertThat(response.body.get("error").asText())
                    .isEqualTo("invalid scenario file '" + file + "': the dashboard only reads files whose name ends"
                            + " in .conf, .hocon, .json")
                    .doesNotContain("secret-host-name");
        }
    }

    @Test
    void unknownStreamLeavesStateUnchanged() throws Exception {
        JsonNode before = status();

        Response response = post("/api/start", "{\"streams\": {\"nostream\": {\"rate\": \"5/s\"}}}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body.get("error").asText())
                .isEqualTo("unknown stream 'nostream'; scenario 'iot-sensors' has [sensors]");
        JsonNode after = status();
        assertThat(after.get("state")).isEqualTo(before.get("state"));
        assertThat(after.get("error")).isEqualTo(before.get("error"));
    }

    @Test
    void consoleOnlyScenarioIsRejected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("console.conf");
        Files.writeString(
                file,
                "simulation {\n  sinks.out { type = console }\n"
                        + "  streams.ticks { rate = 5/s, fields { n { type = sequence } } }\n}\n");

        Response response = post("/api/start", "{\"scenarioFile\": " + JSON.writeValueAsString(file.toString()) + "}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body.at("/problems/0/path").asText()).isEqualTo("simulation.sinks");
        assertThat(response.body.at("/problems/0/origin").asText()).isEqualTo("console.conf:2");
        assertThat(response.body.at("/problems/0/message").asText())
                .startsWith("no stream writes to a sink of type kafka");
        assertThat(status().get("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void rateRequestWithUnknownFieldIsBadRequest() throws Exception {
        Response response = post("/api/streams/sensors/rate", "{\"rate\": \"5/s\", \"burst\": 3}");

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body.get("error").asText())
                .isEqualTo("invalid rate request: unknown field 'burst'; known fields: rate");
    }

    @Test
    void controlWithoutRunIsConflict() throws Exception {
        Response response = post("/api/resume", "");

        assertThat(response.status).isEqualTo(409);
        assertThat(response.body.get("error").asText()).startsWith("cannot resume: the run is ");
    }

    @Test
    void eventsStreamRepeatsStatus() throws Exception {
        HttpResponse<Stream<String>> response = CLIENT.send(
                HttpRequest.newBuilder(server.uri().resolve("/api/events")).build(),
                HttpResponse.BodyHandlers.ofLines());

        // The first event comes at once and the next after the event interval, so two arrive well within the limit.
        List<JsonNode> events = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Stream<String> lines = response.body()) {
                return lines.filter(line -> line.startsWith("data: "))
                        .limit(2)
                        .map(line -> parse(line.substring("data: ".length())))
                        .toList();
            }
        });

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(event -> assertThat(event.has("state")).isTrue());
        assertThat(events).allSatisfy(event -> assertThat(event.has("actions")).isTrue());
    }

    @Test
    void controlWithGetIsNotAllowed() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(server.uri().resolve("/api/start")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(JSON.readTree(response.body()).get("error").asText())
                .isEqualTo("GET is not allowed on /api/start; use POST");
    }

    @Test
    void foreignHostIsForbidden() throws Exception {
        for (String path : List.of("/api/status", "/")) {
            RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

            assertThat(response.status).as(path).isEqualTo(403);
            assertThat(JSON.readTree(response.body).get("error").asText())
                    .as(path)
                    .startsWith("forbidden Host header 'evil.example'");
        }
    }

    @Test
    void ownHostNamesAreAccepted() throws Exception {
        int port = server.uri().getPort();
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port)) {
            RawResponse response = raw("GET /api/status HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");

            assertThat(response.status).as(host).isEqualTo(200);
        }
    }

    @Test
    void foreignOriginIsForbidden() throws Exception {
        Response response = send(HttpRequest.newBuilder(server.uri().resolve("/api/stop"))
                .header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());

        assertThat(response.status).isEqualTo(403);
        assertThat(response.body.get("error").asText()).startsWith("forbidden Origin header 'http://evil.example'");
    }

    @Test
    void ownOriginIsAccepted() throws Exception {
        String origin = "http://127.0.0.1:" + server.uri().getPort();
        Response response = send(HttpRequest.newBuilder(server.uri().resolve("/api/resume"))
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        // Passes the guard and reaches the controller, which has no paused run to resume.
        assertThat(response.status).isEqualTo(409);
    }

    @Test
    void formBodyIsUnsupported() throws Exception {
        Response response = send(HttpRequest.newBuilder(server.uri().resolve("/api/start"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("scenario=iot-sensors"))
                .build());

        assertThat(response.status).isEqualTo(403);
        assertThat(response.body.get("error").asText())
                .isEqualTo("unsupported Content-Type 'application/x-www-form-urlencoded'; POST requests with a body"
                        + " must send Content-Type: application/json");
        assertThat(status().get("state").asText()).isNotEqualTo("STARTING");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        Response response = get("/api/nothing");

        assertThat(response.status).isEqualTo(404);
        assertThat(response.body.get("error").asText()).startsWith("no API at /api/nothing");
    }

    @Test
    void webJarFilesAreServedWithoutVersion() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(server.uri().resolve("/webjars/bootstrap/css/bootstrap.min.css"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("invalid JSON in an event: " + json, e);
        }
    }

    private static JsonNode status() throws IOException, InterruptedException {
        return get("/api/status").body;
    }

    private static Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build());
    }

    private static Response post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    /** Sends a request as raw bytes, because the HTTP client does not let a caller set the Host header. */
    private static RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, response.substring(bodyStart + 4));
        }
    }

    private record Response(int status, JsonNode body) {}

    private record RawResponse(int status, String body) {}
}
