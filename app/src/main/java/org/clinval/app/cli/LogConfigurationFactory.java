package org.clinval.app.cli;

import java.io.IOException;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;

/**
 * Reads Log4j's XML configuration ({@code log4j2.xml}, or a user's file given with {@code
 * -Dlog4j2.configurationFile}) and adds the command line's {@link LogSink} to its root logger.
 * Named in {@code log4j2.component.properties}, so the sink is there whenever Log4j starts: Log4j
 * starts when a library first logs, not with every command (its set-up loaded about 600 classes,
 * most of a short command's start-up).
 */
public final class LogConfigurationFactory extends ConfigurationFactory {

    @Override
    protected String[] getSupportedTypes() {
        return new String[] {".xml"};
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
        return new WithSink(context, source);
    }

    /** An XML configuration with the sink on its root logger. */
    private static final class WithSink extends XmlConfiguration {

        WithSink(LoggerContext context, ConfigurationSource source) {
            super(context, source);
        }

        @Override
        protected void doConfigure() {
            super.doConfigure();
            LogSink sink = new LogSink();
            sink.start();
            addAppender(sink);
            getRootLogger().addAppender(sink, null, null);
        }

        @Override
        public Configuration reconfigure() {
            try {
                ConfigurationSource source = getConfigurationSource().resetInputStream();
                return source == null ? null : new WithSink(getLoggerContext(), source);
            } catch (IOException e) {
                return null; // as XmlConfiguration does: the configuration in force stays
            }
        }
    }
}
