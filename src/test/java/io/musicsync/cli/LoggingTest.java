package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import io.musicsync.config.Settings;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code LOG_FORMAT=json} swaps the text appender for JSON lines; {@code LOG_LEVEL} sets the root level. */
class LoggingTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void restoreTheConfiguration() throws Exception {
        LoggerContext context = root.getLoggerContext();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void jsonFormatWritesJsonLinesToStderr() {
        Logging.apply(Settings.load(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "warn"), null));

        assertThat(root.getLevel().toString()).isEqualTo("WARN");
        var appender = root.getAppender("json");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) appender).getEncoder()).isInstanceOf(LogstashEncoder.class);
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
        assertThat(root.getAppender("STDERR")).isNull();
    }

    @Test
    void textIsTheDefault() {
        Logging.apply(Settings.load(Map.of(), null));

        assertThat(root.getAppender("STDERR")).isNotNull();
        assertThat(root.getAppender("json")).isNull();
    }
}
