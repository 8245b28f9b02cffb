package io.switchboard.inbox.conversation;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock the inbox reads (tests give a settable one) and the scheduler that reopens snoozed conversations. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LifecycleConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
