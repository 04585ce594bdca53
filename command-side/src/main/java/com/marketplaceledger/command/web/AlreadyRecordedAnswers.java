package com.marketplaceledger.command.web;

import com.marketplaceledger.command.LedgerCommands.Accepted;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A retry of a command already recorded is answered 200, also where the command itself is answered
 * 201: nothing was created this time. Decided here, for every command endpoint, and documented in
 * the OpenAPI document beside each operation's own answer.
 */
@RestControllerAdvice
class AlreadyRecordedAnswers implements ResponseBodyAdvice<Accepted>, OperationCustomizer {

    private static final String ALREADY_RECORDED = "already recorded: an identical retry of a command recorded "
            + "before; nothing was recorded now, and the answer is the first one's stream and position, with "
            + "alreadyRecorded true";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return Accepted.class.equals(returnType.getParameterType());
    }

    @Override
    public Accepted beforeBodyWrite(Accepted body, MethodParameter returnType, MediaType selectedContentType,
                                    Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                    ServerHttpRequest request, ServerHttpResponse response) {
        if (body != null && body.alreadyRecorded()) {
            response.setStatusCode(HttpStatus.OK);
        }
        return body;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!Accepted.class.equals(handlerMethod.getReturnType().getParameterType()) || operation.getResponses() == null) {
            return operation;
        }
        ApiResponse created = operation.getResponses().get("201");
        ApiResponse ok = operation.getResponses().get("200");
        if (created != null) {
            created.setDescription("Recorded");
            operation.getResponses().addApiResponse("200",
                    new ApiResponse().description("Not created again, " + ALREADY_RECORDED).content(created.getContent()));
        } else if (ok != null) {
            ok.setDescription("Recorded; or " + ALREADY_RECORDED);
        }
        return operation;
    }
}
