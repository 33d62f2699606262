package cn.yibao.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yibao.portal.support.PortalIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

class SessionRulesIT extends PortalIntegrationTest {

    @Autowired
    WebSessionManager sessions;

    @Test
    void sessionsExpireAfterThirtyMinutesIdle() {
        var session = ((DefaultWebSessionManager) sessions).getSessionStore().createWebSession().block();

        assertThat(session.getMaxIdleTime()).isEqualTo(Duration.ofMinutes(30));
    }
}
