package com.marketplaceledger.supervision.detection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DetectionProperties.class)
class DetectionConfiguration {

    @Bean
    Clock detectionClock() {
        return Clock.systemUTC();
    }
}
