package com.marketplaceledger.axon.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Collectors;

/** A projection's tables in schema {@code read_model}: emptied when it is reset, summed up by its checksum. */
public interface ReadModel {

    /** Its processing group. */
    String processor();

    List<String> tables();

    /** Empties the tables, as a reset for a replay from event 0 must. */
    default void truncate(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE " + tables().stream().map(table -> "read_model." + table).collect(Collectors.joining(", ")));
    }
}
