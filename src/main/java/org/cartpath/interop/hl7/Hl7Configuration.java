package org.cartpath.interop.hl7;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Hl7Settings.class)
class Hl7Configuration {
}
