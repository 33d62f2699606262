package cn.yibao.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

/** A debug message that nobody logs is never built (see commons-logging.properties for why this matters). */
class LazyLoggingTest {

    @Test
    void aDebugMessageIsNotFormattedWhenDebugIsOff() {
        Log log = LogFactory.getLog("org.springframework.security.web.server.context");
        assertThat(log.isDebugEnabled()).isFalse();
        Object expensive = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("a debug message was formatted although debug is off");
            }
        };

        log.debug(expensive);
        log.trace(expensive);
    }
}
