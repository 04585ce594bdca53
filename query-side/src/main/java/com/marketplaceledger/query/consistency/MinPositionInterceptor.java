package com.marketplaceledger.query.consistency;

import com.marketplaceledger.axon.EventPositions;
import com.marketplaceledger.axon.web.QueryRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Map;
import java.time.Duration;

/**
 * Read-your-writes for every query: with {@code minPosition} (a global position the command side
 * returned), the answer waits until every read model has handled that event, up to a bounded
 * time; past it the client gets 503 with Retry-After and how far each read model has come.
 */
@Component
class MinPositionInterceptor implements HandlerInterceptor {

    static final String PARAMETER = "minPosition";
    private static final long POLL_MILLIS = 20;

    private final ReadModelPositions readModels;
    private final EventPositions events;
    private final Duration maxWait;

    MinPositionInterceptor(ReadModelPositions readModels, EventPositions events,
                           @Value("${ledger.query.min-position-wait:5s}") Duration maxWait) {
        this.readModels = readModels;
        this.events = events;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String value = request.getParameter(PARAMETER);
        if (value == null) {
            return true;
        }
        long position = parse(value);
        long head = events.head();
        if (position > head) {
            throw new QueryRefused(HttpStatus.UNPROCESSABLE_ENTITY, "position-not-recorded", PARAMETER, null,
                    Map.of("position", position, "head", head))
                    .with("head", head);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!readModels.allHaveProcessed(position)) {
            if (System.nanoTime() >= deadline) {
                throw new QueryRefused(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", PARAMETER, null,
                        Map.of("position", position, "waitMillis", maxWait.toMillis()))
                        .with("processed", readModels.processedPositions())
                        .retryAfter(1);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static long parse(String value) {
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below, like a negative value
        }
        throw QueryRefused.badParameter(PARAMETER, "not-a-position", Map.of("value", value));
    }
}
