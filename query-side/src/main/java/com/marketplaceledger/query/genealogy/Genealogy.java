package com.marketplaceledger.query.genealogy;

import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.springframework.http.HttpStatus;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Questions about distributor trees, answered from the closure table and the growth counters:
 * never by walking the tree. {@code asOf} is a business date (the figures at the end of that
 * day); null means now.
 */
@Component
public class Genealogy {

    /** A distributor's place in its merchant's tree. */
    public record Node(String distributorId, String sponsorId, int level, List<UplineMember> upline,
                       Instant enrolledAt, String enrolmentEventId) {
    }

    /** One member of an upline chain, sponsor first; the root is level 1. */
    public record UplineMember(String distributorId, int level) {
    }

    /**
     * @param directRecruits distributors this one sponsored
     * @param headcount      everyone below it, at any depth
     * @param depth          how many levels its downline reaches below it (0 when it has none)
     */
    public record Downline(long directRecruits, long headcount, int depth) {
    }

    /** A member of a downline: {@code depth} levels below the distributor asked about. */
    public record DownlineMember(String distributorId, String sponsorId, int level, int depth, Instant enrolledAt) {
    }

    /** A merchant's whole network: everyone enrolled, the roots, and its deepest level. */
    public record Network(long participants, long roots, int levels) {
    }

    private final JdbcTemplate jdbc;

    Genealogy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The distributor, if it was enrolled by the end of {@code asOf}. */
    public Optional<Node> node(String merchantId, String distributorId, LocalDate asOf) {
        return jdbc.query("""
                        SELECT distributor_id, sponsor_id, level, upline, enrolled_at, event_id FROM read_model.distributor
                        WHERE merchant_id = ? AND distributor_id = ?""" + (asOf == null ? "" : " AND enrolled_on <= ?"),
                Genealogy::node, parameters(asOf, merchantId, distributorId)).stream().findFirst();
    }

    public Node requireNode(String merchantId, String distributorId, LocalDate asOf) {
        return node(merchantId, distributorId, asOf).orElseThrow(() -> new QueryRefused(HttpStatus.NOT_FOUND,
                "unknown-distributor", "distributorId", asOf == null ? "at-merchant" : "at-merchant-by",
                asOf == null ? Map.of("id", distributorId, "merchantId", merchantId)
                        : Map.of("id", distributorId, "merchantId", merchantId, "asOf", asOf)));
    }

    public Downline downline(String merchantId, String distributorId, LocalDate asOf) {
        return jdbc.queryForObject("""
                        SELECT coalesce(sum(direct), 0), coalesce(sum(joined), 0), coalesce(max(deepest), 0)
                        FROM read_model.downline_growth WHERE merchant_id = ? AND ancestor_id = ?"""
                        + (asOf == null ? "" : " AND day <= ?"),
                (row, i) -> new Downline(row.getLong(1), row.getLong(2), row.getInt(3)),
                parameters(asOf, merchantId, distributorId));
    }

    /**
     * Members of the downline, shallowest first then by id, optionally only those {@code depth}
     * levels below the distributor.
     */
    public Paging.Page<DownlineMember> downlineMembers(String merchantId, String distributorId, Integer depth,
                                                        LocalDate asOf, Paging paging) {
        var sql = new StringBuilder("""
                SELECT d.distributor_id, d.sponsor_id, d.level, c.depth, d.enrolled_at
                FROM read_model.downline c
                JOIN read_model.distributor d ON d.merchant_id = c.merchant_id AND d.distributor_id = c.distributor_id
                WHERE c.merchant_id = ? AND c.ancestor_id = ?""");
        var parameters = new ArrayList<Object>(List.of(merchantId, distributorId));
        if (depth != null) {
            sql.append(" AND c.depth = ?");
            parameters.add(depth);
        }
        if (asOf != null) {
            sql.append(" AND c.enrolled_on <= ?");
            parameters.add(Date.valueOf(asOf));
        }
        sql.append(" ORDER BY c.depth, c.distributor_id LIMIT ? OFFSET ?");
        parameters.add(paging.limit());
        parameters.add(paging.offset());
        return paging.page(jdbc.query(sql.toString(), (row, i) -> new DownlineMember(row.getString(1), row.getString(2),
                row.getInt(3), row.getInt(4), row.getTimestamp(5).toInstant()), parameters.toArray()));
    }

    public Network network(String merchantId, LocalDate asOf) {
        return networks(List.of(merchantId), asOf).get(merchantId);
    }

    /** Several merchants' networks in one query, by merchant id (an empty network for one without distributors). */
    public Map<String, Network> networks(List<String> merchantIds, LocalDate asOf) {
        var networks = new HashMap<String, Network>();
        merchantIds.forEach(id -> networks.put(id, new Network(0, 0, 0)));
        jdbc.query("""
                        SELECT merchant_id, sum(joined), sum(roots), max(deepest_level) FROM read_model.network_growth
                        WHERE merchant_id = ANY (?)""" + (asOf == null ? "" : " AND day <= ?") + " GROUP BY merchant_id",
                row -> {
                    networks.put(row.getString(1), new Network(row.getLong(2), row.getLong(3), row.getInt(4)));
                }, parameters(asOf, (Object) merchantIds.toArray(String[]::new)));
        return networks;
    }

    private static Node node(ResultSet row, int i) throws SQLException {
        int level = row.getInt(3);
        Array upline = row.getArray(4);
        List<String> ids = Arrays.asList((String[]) upline.getArray());
        var members = new ArrayList<UplineMember>(ids.size());
        for (int k = 0; k < ids.size(); k++) {
            members.add(new UplineMember(ids.get(k), level - k - 1));
        }
        return new Node(row.getString(1), row.getString(2), level, List.copyOf(members),
                row.getTimestamp(5).toInstant(), row.getString(6));
    }

    private static Object[] parameters(LocalDate asOf, Object... leading) {
        if (asOf == null) {
            return leading;
        }
        Object[] all = Arrays.copyOf(leading, leading.length + 1);
        all[leading.length] = Date.valueOf(asOf);
        return all;
    }
}
