package io.musicsync.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.support.MusicSyncProcess;
import io.musicsync.support.TestService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stdio contract a desktop client relies on, read byte for byte: every line on stdout is a JSON-RPC message
 * (a log line there would break the client), logs go to stderr, and the server exits cleanly once its client
 * closes stdin.
 */
class McpStdoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stdoutCarriesOnlyProtocolAndTheServerEndsWithItsInput(@TempDir Path directory) throws Exception {
        try (TestService service = TestService.standalone()) {
            Path stderr = directory.resolve("stderr.log");
            ProcessBuilder builder = new ProcessBuilder(MusicSyncProcess.javaCommand("mcp"))
                    .directory(directory.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(service.environment());
            builder.environment().put("LOG_LEVEL", "debug");
            // Its own journal: the test's service owns the environment's (one process per journal).
            builder.environment().put("DATA_DIR", directory.resolve("mcp-data").toString());
            Process process = builder.start();
            try {
                BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
                Thread reader = Thread.ofVirtual().start(() -> readLines(process, stdout));
                OutputStream stdin = process.getOutputStream();
                send(stdin, """
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                        "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
                send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
                send(stdin, """
                        {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"sync_song",\
                        "arguments":{"track_name":"Wonderwall","artist":"Oasis","wait_seconds":30}}}""");
                List<JsonNode> messages = new ArrayList<>();
                while (messages.stream().noneMatch(m -> m.path("id").asInt() == 3)) {
                    String line = stdout.poll(60, TimeUnit.SECONDS);
                    assertThat(line).as("an answer within 60 s").isNotNull();
                    messages.add(json(line));
                }
                stdin.close();
                assertThat(process.waitFor(60, TimeUnit.SECONDS))
                        .as("exited after stdin closed")
                        .isTrue();
                assertThat(process.exitValue()).isZero();
                reader.join(Duration.ofSeconds(10));
                for (String line = stdout.poll(); line != null; line = stdout.poll()) {
                    messages.add(json(line));
                }
                assertThat(messages)
                        .allSatisfy(message -> assertThat(message.get("jsonrpc").asText())
                                .as(message.toString())
                                .isEqualTo("2.0"));
                assertThat(messages).extracting(m -> m.path("id").asInt()).contains(1, 2, 3);
                JsonNode answer = messages.stream()
                        .filter(m -> m.path("id").asInt() == 3)
                        .findFirst()
                        .orElseThrow();
                assertThat(answer.at("/result/structuredContent/status").asText())
                        .isEqualTo("completed");
                String log = Files.readString(stderr);
                assertThat(log).contains("MCP server on stdio").contains("DEBUG");
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private static void send(OutputStream stdin, String message) throws Exception {
        stdin.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Every line of stdout; a line that is not JSON fails the test where it is parsed. */
    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        } catch (IOException e) {
            lines.add("not read: " + e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("stdout carried something that is not JSON-RPC: " + line, e);
        }
    }
}
