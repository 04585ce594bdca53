package com.marketplaceledger.query.integrity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrityProperties.class)
class IntegrityConfiguration {
}
