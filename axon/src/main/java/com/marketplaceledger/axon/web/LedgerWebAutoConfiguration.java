package com.marketplaceledger.axon.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * What both services answer where Spring MVC does not: the servlet container's own refusals and
 * errors, as the ledger's problems ({@link ContainerProblems}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
public class LedgerWebAutoConfiguration {

    /**
     * Tomcat's Host adds the error report valve it is given by class name when it starts, after
     * every customizer: {@link ContainerProblems} is then the innermost valve and reports first
     * (the plain one Spring Boot adds to hide Tomcat's version finds the error already reported).
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> containerProblems() {
        return factory -> factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(ContainerProblems.class.getName()));
    }
}
