package org.cartpath.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clock every module injects (docs/architecture.md: tests move it), and cartpath's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartpathSettings.class)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JdbcClient jdbcClient(javax.sql.DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }
}
