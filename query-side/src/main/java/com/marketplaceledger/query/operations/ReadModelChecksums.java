package com.marketplaceledger.query.operations;

import com.marketplaceledger.axon.readmodel.ReadModel;
import com.marketplaceledger.axon.web.QueryRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A read model's contents summed up, so that two rebuilds (or two instances) can be compared: per
 * table its row count and an MD5 over its rows' text, taken in a fixed order; over all, an MD5 of
 * those lines. Equal checksums mean equal rows, whatever order they were written in.
 */
@Component
class ReadModelChecksums {

    record TableChecksum(long rows, String md5) {
    }

    record Checksum(String processor, String checksum, Map<String, TableChecksum> tables) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, ReadModel> readModels;

    ReadModelChecksums(JdbcTemplate jdbc, List<ReadModel> readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels.stream().collect(Collectors.toMap(ReadModel::processor, Function.identity()));
    }

    Checksum of(String processor) {
        ReadModel readModel = readModels.get(processor);
        if (readModel == null) {
            throw QueryRefused.notFound("read-model", processor);
        }
        var tables = new LinkedHashMap<String, TableChecksum>();
        var lines = new StringBuilder();
        for (String table : readModel.tables().stream().sorted().toList()) {
            // hashing each row first keeps the aggregate small for large tables
            TableChecksum checksum = jdbc.queryForObject("SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' "
                            + "ORDER BY md5(t::text)), '')) FROM read_model." + table + " t",
                    (row, n) -> new TableChecksum(row.getLong(1), row.getString(2)));
            tables.put(table, checksum);
            lines.append(table).append(' ').append(checksum.rows()).append(' ').append(checksum.md5()).append('\n');
        }
        return new Checksum(processor, md5(lines.toString()), tables);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
