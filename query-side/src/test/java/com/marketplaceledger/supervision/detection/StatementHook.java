package com.marketplaceledger.supervision.detection;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a test run something at one point of a judgement: once, on the thread about to send it,
 * just before the first statement of the application's {@link NamedParameterJdbcTemplate} (the
 * one the detection reads through) that contains a piece of SQL and is about one merchant
 * (parameter {@code m}). Test sources only, and found by component scanning, so that every
 * integration test keeps sharing one Spring context; with nothing set it only passes statements on.
 */
@Component
class StatementHook implements BeanPostProcessor {

    private record Armed(String sql, String merchantId, Runnable action) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private volatile boolean fired;

    /** Runs {@code action} before the next statement containing {@code sql} about {@code merchantId}. */
    void before(String sql, String merchantId, Runnable action) {
        fired = false;
        armed.set(new Armed(sql, merchantId, action));
    }

    /** Whether the action has run (it may still be running). */
    boolean fired() {
        return fired;
    }

    void disarm() {
        armed.set(null);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof NamedParameterJdbcTemplate template ? new Hooked(template.getJdbcOperations()) : bean;
    }

    private final class Hooked extends NamedParameterJdbcTemplate {

        Hooked(JdbcOperations operations) {
            super(operations);
        }

        @Override
        protected PreparedStatementCreator getPreparedStatementCreator(String sql, SqlParameterSource params) {
            Armed hook = armed.get();
            if (hook != null && sql.contains(hook.sql()) && params.hasValue("m")
                    && hook.merchantId().equals(params.getValue("m")) && armed.compareAndSet(hook, null)) {
                fired = true;
                hook.action().run();
            }
            return super.getPreparedStatementCreator(sql, params);
        }
    }
}
