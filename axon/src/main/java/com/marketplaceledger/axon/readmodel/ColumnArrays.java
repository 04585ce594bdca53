package com.marketplaceledger.axon.readmodel;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds a batch of rows as one PostgreSQL array per column, for a statement that reads them back
 * with {@code unnest(?::type[], ...)}: a whole batch in one statement and one round trip.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** Parameter {@code c + 1} becomes the array of every row's value {@code c}, of element type {@code types[c]}. */
    public static void bind(PreparedStatement statement, String[] types, List<Object[]> rows) throws SQLException {
        for (int c = 0; c < types.length; c++) {
            Object[] column = new Object[rows.size()];
            for (int r = 0; r < column.length; r++) {
                column[r] = rows.get(r)[c];
            }
            statement.setArray(c + 1, statement.getConnection().createArrayOf(types[c], column));
        }
    }
}
