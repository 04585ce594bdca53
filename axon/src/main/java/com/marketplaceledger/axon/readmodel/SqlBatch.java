package com.marketplaceledger.axon.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The statements a projection collected for one batch, run when the batch commits: in event
 * order, consecutive statements with the same SQL going to PostgreSQL as one JDBC batch; or, for
 * a projection whose statements of different SQL commute, one JDBC batch per SQL.
 */
public final class SqlBatch {

    private final List<Statement> statements = new ArrayList<>();
    private final boolean commuting;

    private SqlBatch(boolean commuting) {
        this.commuting = commuting;
    }

    /** The batch of the current unit of work for {@code projection}, flushed through {@code jdbc}. */
    public static SqlBatch current(String projection, JdbcTemplate jdbc) {
        return BatchBuffer.current(projection, () -> new SqlBatch(false), batch -> batch.flush(jdbc));
    }

    /**
     * Like {@link #current}, for a projection whose statements of different SQL may run in any
     * order (different rows, or upserts of different columns): each SQL's statements, in event
     * order, become one JDBC batch, one round trip however the events interleave.
     */
    public static SqlBatch commuting(String projection, JdbcTemplate jdbc) {
        return BatchBuffer.current(projection, () -> new SqlBatch(true), batch -> batch.flush(jdbc));
    }

    /** Parameters are bound as given; a {@link TextArray} becomes a PostgreSQL varchar[]. */
    public void add(String sql, Object... parameters) {
        statements.add(new Statement(sql, parameters));
    }

    void flush(JdbcTemplate jdbc) {
        if (commuting) {
            var bySql = new LinkedHashMap<String, List<Statement>>();
            statements.forEach(statement -> bySql.computeIfAbsent(statement.sql(), sql -> new ArrayList<>()).add(statement));
            bySql.forEach((sql, run) -> jdbc.batchUpdate(sql, run, run.size(), (prepared, statement) -> statement.bind(prepared)));
            return;
        }
        int from = 0;
        while (from < statements.size()) {
            String sql = statements.get(from).sql();
            int to = from;
            while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                to++;
            }
            List<Statement> run = statements.subList(from, to);
            jdbc.batchUpdate(sql, run, run.size(), (prepared, statement) -> statement.bind(prepared));
            from = to;
        }
    }

    public record TextArray(List<String> values) {
    }

    private record Statement(String sql, Object[] parameters) {

        void bind(PreparedStatement prepared) throws SQLException {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof TextArray array) {
                    prepared.setArray(i + 1, prepared.getConnection().createArrayOf("varchar", array.values().toArray()));
                } else if (value == null) {
                    prepared.setNull(i + 1, Types.NULL);
                } else {
                    prepared.setObject(i + 1, value);
                }
            }
        }
    }
}
