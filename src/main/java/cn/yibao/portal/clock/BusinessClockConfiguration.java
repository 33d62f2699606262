package cn.yibao.portal.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

    @Bean
    BusinessClock businessClock(@Value("${portal.business-date:}") String businessDate,
                                @Value("${portal.business-date-since:}") String since,
                                @Value("${portal.zone:Asia/Shanghai}") ZoneId zone) {
        Clock realTime = Clock.system(zone);
        if (businessDate.isBlank()) {
            return BusinessClock.realTime(zone);
        }
        // A sandbox cluster's nodes start one after the other; a shared "since" keeps them on one business time.
        return BusinessClock.startingAt(businessDate.strip(), since.isBlank() ? realTime.instant()
                : Instant.parse(since.strip()), realTime);
    }
}
