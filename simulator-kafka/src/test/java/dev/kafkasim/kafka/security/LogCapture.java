package dev.kafkasim.kafka.security;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Copies every log line, with stack traces, into a string while open. Kafka's client loggers are raised to INFO
 * meanwhile, so the configuration dumps that producers and consumers log at start-up are captured too.
 */
final class LogCapture implements AutoCloseable {
    private static final String KAFKA_LOGGER = "org.apache.kafka";

    private final StringWriter text = new StringWriter();
    private final LoggerContext context;
    private final WriterAppender appender;
    private final Level kafkaLevel;

    LogCapture() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder()
                .setPattern("%level %logger - %msg%n%throwable")
                .setConfiguration(configuration)
                .build();
        appender = WriterAppender.newBuilder()
                .setName("capture")
                .setTarget(text)
                .setLayout(layout)
                .setConfiguration(configuration)
                .build();
        appender.start();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        LoggerConfig kafka = configuration.getLoggerConfig(KAFKA_LOGGER);
        kafkaLevel = kafka.getLevel();
        kafka.setLevel(Level.INFO);
        context.updateLoggers();
    }

    /** Returns everything logged since this capture opened. */
    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(appender.getName());
        configuration.getLoggerConfig(KAFKA_LOGGER).setLevel(kafkaLevel);
        context.updateLoggers();
        appender.stop();
    }
}
