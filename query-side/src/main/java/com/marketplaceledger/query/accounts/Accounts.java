package com.marketplaceledger.query.accounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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
        return totals(partyRows(asOf), merchantId, distributorId, asOf);
    }

    public List<AccountFigures> ofMerchant(String merchantId, LocalDate asOf) {
        return totals(partyRows(asOf), merchantId, AccountsProjection.MERCHANT, asOf);
    }

    public List<AccountFigures> ofNetwork(String merchantId, LocalDate asOf) {
        return totals(networkRows(asOf), merchantId, null, asOf);
    }

    public List<Month> monthlyOfDistributor(String merchantId, String distributorId, LocalDate asOf) {
        return months(partyRows(asOf), merchantId, distributorId, asOf);
    }

    public List<Month> monthlyOfMerchant(String merchantId, LocalDate asOf) {
        return months(partyRows(asOf), merchantId, AccountsProjection.MERCHANT, asOf);
    }

    public List<Month> monthlyOfNetwork(String merchantId, LocalDate asOf) {
        return months(networkRows(asOf), merchantId, null, asOf);
    }

    private static String partyRows(LocalDate asOf) {
        return "FROM read_model.account_day WHERE merchant_id = ? AND party_id = ?" + (asOf == null ? "" : " AND day <= ?");
    }

    private static String networkRows(LocalDate asOf) {
        return "FROM read_model.network_account_day WHERE merchant_id = ?" + (asOf == null ? "" : " AND day <= ?");
    }

    private List<AccountFigures> totals(String rows, String merchantId, String partyId, LocalDate asOf) {
        var sums = new LinkedHashMap<String, Map<EntryKind, Long>>();
        jdbc.query("SELECT currency, kind, sum(amount) " + rows + " GROUP BY currency, kind ORDER BY currency, kind",
                row -> {
                    sums.computeIfAbsent(row.getString(1), c -> new EnumMap<>(EntryKind.class))
                            .put(EntryKind.valueOf(row.getString(2)), row.getLong(3));
                }, parameters(merchantId, partyId, asOf));
        var figures = new ArrayList<AccountFigures>();
        sums.forEach((currency, kinds) -> figures.add(AccountFigures.of(currency, kinds)));
        return figures;
    }

    private List<Month> months(String rows, String merchantId, String partyId, LocalDate asOf) {
        var sums = new LinkedHashMap<String, Map<String, Map<EntryKind, Long>>>();
        jdbc.query("SELECT to_char(day, 'YYYY-MM') AS month, currency, kind, sum(amount) " + rows
                        + " GROUP BY month, currency, kind ORDER BY month, currency, kind",
                row -> {
                    sums.computeIfAbsent(row.getString(1), m -> new LinkedHashMap<>())
                            .computeIfAbsent(row.getString(2), c -> new EnumMap<>(EntryKind.class))
                            .put(EntryKind.valueOf(row.getString(3)), row.getLong(4));
                }, parameters(merchantId, partyId, asOf));
        var months = new ArrayList<Month>();
        sums.forEach((month, currencies) -> {
            var figures = new ArrayList<AccountFigures>();
            currencies.forEach((currency, kinds) -> figures.add(AccountFigures.of(currency, kinds)));
            months.add(new Month(month, List.copyOf(figures)));
        });
        return months;
    }

    private static Object[] parameters(String merchantId, String partyId, LocalDate asOf) {
        var parameters = new ArrayList<Object>();
        parameters.add(merchantId);
        if (partyId != null) {
            parameters.add(partyId);
        }
        if (asOf != null) {
            parameters.add(Date.valueOf(asOf));
        }
        return parameters.toArray();
    }
}
