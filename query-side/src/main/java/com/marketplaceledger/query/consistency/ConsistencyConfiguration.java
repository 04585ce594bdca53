package com.marketplaceledger.query.consistency;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.math.BigDecimal;
import java.util.Arrays;

@Configuration
class ConsistencyConfiguration implements WebMvcConfigurer {

    private final MinPositionInterceptor minPosition;

    ConsistencyConfiguration(MinPositionInterceptor minPosition) {
        this.minPosition = minPosition;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(minPosition);
    }

    /** Documents {@code minPosition} on every query, since the interceptor honours it everywhere. */
    @Bean
    OperationCustomizer minPositionParameter() {
        return (operation, handler) -> {
            var mapping = handler.getMethodAnnotation(RequestMapping.class);
            boolean isGet = handler.hasMethodAnnotation(GetMapping.class)
                    || (mapping != null && Arrays.asList(mapping.method()).contains(RequestMethod.GET));
            if (isGet) {
                operation.addParametersItem(new Parameter().in("query").name(MinPositionInterceptor.PARAMETER)
                        .required(false).schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO))
                        .description("A global event position returned by the command side: the answer waits until "
                                + "every read model has processed it (503 with Retry-After if not within the wait)"));
            }
            return operation;
        };
    }
}
