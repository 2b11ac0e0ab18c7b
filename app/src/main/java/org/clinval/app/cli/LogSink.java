package org.clinval.app.cli;

import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The one Log4j appender of the command line: formats each event and hands it to the command's
 * {@link LogFile}. {@link LogConfigurationFactory} adds it to the configuration when Log4j starts,
 * which is when a library first logs: a command whose libraries never log does not pay for Log4j.
 */
final class LogSink extends AbstractAppender {

    LogSink() {
        super(
                "clinval",
                null,
                PatternLayout.newBuilder()
                        .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %logger - %msg%n")
                        .build(),
                true,
                Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
        String text = new String(getLayout().toByteArray(event), StandardCharsets.UTF_8);
        Level level = event.getLevel();
        Logs.record(
                level.isMoreSpecificThan(Level.ERROR), level.isMoreSpecificThan(Level.WARN), text);
    }
}
