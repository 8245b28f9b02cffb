package io.switchboard.it.email;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** What the hub logs under one logger while a test runs, as an operator would read it. */
final class HubLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private HubLog(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        events.start();
        logger.addAppender(events);
    }

    static HubLog of(String loggerName) {
        return new HubLog(loggerName);
    }

    /** Events whose message contains {@code text} and whose exception (with its causes) contains {@code cause}. */
    long count(String text, String cause) {
        synchronized (events) {
            return events.list.stream().filter(e -> e.getFormattedMessage().contains(text)
                    && e.getThrowableProxy() != null
                    && ThrowableProxyUtil.asString(e.getThrowableProxy()).contains(cause)).count();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(events);
        events.stop();
    }
}
