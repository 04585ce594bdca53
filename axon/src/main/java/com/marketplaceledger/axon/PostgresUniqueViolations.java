package com.marketplaceledger.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon when an append broke the event table's unique (stream, sequence) key, so that a
 * second creation of the same stream surfaces as a conflict rather than a storage failure.
 * Axon's default resolver looks for SQLIntegrityConstraintViolationException, which the
 * PostgreSQL driver never throws; PostgreSQL reports SQLSTATE 23505 instead.
 */
class PostgresUniqueViolations implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
