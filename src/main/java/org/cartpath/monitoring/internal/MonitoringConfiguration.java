package org.cartpath.monitoring.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Monitoring's settings, and the scheduled checks ({@link MonitoringJobs}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringSettings.class)
@EnableScheduling
class MonitoringConfiguration {
}
