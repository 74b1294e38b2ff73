package io.musicsync.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.musicsync.config.Settings;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/** Applies {@code LOG_LEVEL} and {@code LOG_FORMAT} (read with the other settings, so a {@code .env} works too). */
final class Logging {

    private Logging() {}

    static void apply(Settings settings) {
        apply(settings, settings.logLevel());
    }

    /** As {@link #apply(Settings)}, at {@code level} instead of {@code LOG_LEVEL} (e.g. quieter under a progress bar). */
    static void apply(Settings settings, String level) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        if (settings.observability().jsonLogs()) {
            root.detachAndStopAllAppenders();
            root.addAppender(jsonLines(root.getLoggerContext()));
        }
    }

    /** One JSON object per line on stderr: timestamp, level, logger, message, MDC (sync_id) and stack trace. */
    static ConsoleAppender<ILoggingEvent> jsonLines(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("json");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
