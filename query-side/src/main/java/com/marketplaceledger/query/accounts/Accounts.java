package com.marketplaceledger.query.accounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account figures from the daily roll-ups: of one distributor, of the merchant as a party, or of
 * the merchant's whole network (every party together). {@code asOf} is a business date (the
 * figures at the end of that day); null means now.
 */
@Component
public class Accounts {

    /** One calendar month (YYYY-MM in the business zone), per currency. */
    public record Month(String month, List<AccountFigures> figures) {
    }

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccountFigures> ofDistributor(String merchantId, String distributorId, LocalDate asOf) {
        return figuresBy(TOTAL, partyRows(asOf), parameters(asOf, merchantId, distributorId)).getOrDefault("", List.of());
    }

    public List<AccountFigures> ofMerchant(String merchantId, LocalDate asOf) {
        return ofDistributor(merchantId, AccountsProjection.MERCHANT, asOf);
    }

    public List<AccountFigures> ofNetwork(String merchantId, LocalDate asOf) {
        return ofNetworks(List.of(merchantId), asOf).getOrDefault(merchantId, List.of());
    }

    /** Several merchants' networks in one query, by merchant id. */
    public Map<String, List<AccountFigures>> ofNetworks(List<String> merchantIds, LocalDate asOf) {
        return figuresBy("merchant_id", "FROM read_model.network_account_day WHERE merchant_id = ANY (?)" + upTo(asOf),
                parameters(asOf, (Object) merchantIds.toArray(String[]::new)));
    }

    public List<Month> monthlyOfDistributor(String merchantId, String distributorId, LocalDate asOf) {
        return months(figuresBy(MONTH, partyRows(asOf), parameters(asOf, merchantId, distributorId)));
    }

    public List<Month> monthlyOfMerchant(String merchantId, LocalDate asOf) {
        return monthlyOfDistributor(merchantId, AccountsProjection.MERCHANT, asOf);
    }

    public List<Month> monthlyOfNetwork(String merchantId, LocalDate asOf) {
        return months(figuresBy(MONTH, "FROM read_model.network_account_day WHERE merchant_id = ?" + upTo(asOf),
                parameters(asOf, merchantId)));
    }

    private static final String TOTAL = "''";
    private static final String MONTH = "to_char(day, 'YYYY-MM')";

    private static String partyRows(LocalDate asOf) {
        return "FROM read_model.account_day WHERE merchant_id = ? AND party_id = ?" + upTo(asOf);
    }

    private static String upTo(LocalDate asOf) {
        return asOf == null ? "" : " AND day <= ?";
    }

    /** Sums of the daily rows per {@code key} (a column or expression), currency and kind, as figures per key. */
    private Map<String, List<AccountFigures>> figuresBy(String key, String rows, Object[] parameters) {
        var sums = new LinkedHashMap<String, Map<String, Map<EntryKind, Long>>>();
        jdbc.query("SELECT " + key + " AS grouped_by, currency, kind, sum(amount) " + rows
                        + " GROUP BY grouped_by, currency, kind ORDER BY grouped_by, currency, kind",
                row -> {
                    sums.computeIfAbsent(row.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(row.getString(2), c -> new EnumMap<>(EntryKind.class))
                            .put(EntryKind.valueOf(row.getString(3)), row.getLong(4));
                }, parameters);
        var figures = new LinkedHashMap<String, List<AccountFigures>>();
        sums.forEach((grouped, currencies) -> figures.put(grouped, currencies.entrySet().stream()
                .map(currency -> AccountFigures.of(currency.getKey(), currency.getValue())).toList()));
        return figures;
    }

    private static List<Month> months(Map<String, List<AccountFigures>> byMonth) {
        return byMonth.entrySet().stream().map(month -> new Month(month.getKey(), month.getValue())).toList();
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
