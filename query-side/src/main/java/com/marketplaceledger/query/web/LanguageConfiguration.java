package com.marketplaceledger.query.web;

import com.marketplaceledger.axon.web.RequestLanguage;
import com.marketplaceledger.axon.web.Languages;
import com.marketplaceledger.axon.web.Texts;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every query-side answer in the regulator's language: the bundles, the request's language, and its documentation. */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    /** Spring's MessageSource, read by {@link Texts} and by Spring MVC's own problem details alike. */
    @Bean
    MessageSource messageSource() {
        return Texts.bundles();
    }

    @Bean
    Texts texts(MessageSource messageSource) {
        return new Texts(messageSource);
    }

    /** The name DispatcherServlet looks the resolver up by. */
    @Bean
    LocaleResolver localeResolver() {
        return new RequestLanguage();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageParameter());
    }

    /** Documents {@code lang} on every operation, since every answer honours it. */
    @Bean
    OperationCustomizer languageParameter() {
        return (operation, handler) -> operation.addParametersItem(new Parameter().in("query").name(RequestLanguage.PARAMETER)
                .required(false).schema(new StringSchema()._enum(Languages.TAGS))
                .description("The language of titles, reasons, measurement names and problems: zh-CN or en. "
                        + "Absent: the first of them in Accept-Language, else English"));
    }
}
