package com.marketplaceledger.query.regulator;

import com.marketplaceledger.query.accounts.AccountFigures;
import com.marketplaceledger.query.accounts.Accounts;
import com.marketplaceledger.query.genealogy.Genealogy;
import com.marketplaceledger.query.genealogy.Merchants;
import com.marketplaceledger.axon.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Merchants and their networks as a whole, for regulators. */
@RestController
@Tag(name = "Networks", description = "Merchants, their networks and their accounts")
class NetworksController {

    static final String AS_OF = "A business date (YYYY-MM-DD): the figures at the end of that day. Absent: now.";

    /** A merchant with its network's headline figures. */
    record MerchantSummary(String merchantId, String name, String licenceNumber, String jurisdiction,
                           Instant registeredAt, long participants, int levels, List<Headline> revenue) {
    }

    record MerchantDetail(MerchantSummary merchant, Genealogy.Network network, List<Merchants.Plan> plans) {
    }

    /** The merchant as a party (fees and direct sales in, commissions out) and its whole network. */
    record MerchantAccounts(List<AccountFigures> merchant, List<AccountFigures> network) {
    }

    record MonthlyAccounts(List<Accounts.Month> merchant, List<Accounts.Month> network) {
    }

    private final Merchants merchants;
    private final Genealogy genealogy;
    private final Accounts accounts;

    NetworksController(Merchants merchants, Genealogy genealogy, Accounts accounts) {
        this.merchants = merchants;
        this.genealogy = genealogy;
        this.accounts = accounts;
    }

    @GetMapping("/merchants")
    @Operation(summary = "Merchants with headline figures: participants, levels, revenue and the share of it from end customers")
    Paging.Page<MerchantSummary> merchants(@Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        var listed = merchants.list(paging);
        List<String> ids = listed.items().stream().map(Merchants.Merchant::merchantId).toList();
        Map<String, Genealogy.Network> networks = genealogy.networks(ids, asOf);
        Map<String, List<AccountFigures>> revenue = accounts.ofNetworks(ids, asOf);
        return new Paging.Page<>(listed.items().stream().map(m -> summary(m, networks.get(m.merchantId()),
                        revenue.getOrDefault(m.merchantId(), List.of()))).toList(),
                listed.page(), listed.size(), listed.hasMore());
    }

    @GetMapping("/merchants/{merchantId}")
    @Operation(summary = "One merchant: headline figures, its network's size and depth, and every plan it declared")
    MerchantDetail merchant(@PathVariable String merchantId,
                            @Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf) {
        Merchants.Merchant merchant = merchants.require(merchantId);
        Genealogy.Network network = genealogy.network(merchantId, asOf);
        return new MerchantDetail(summary(merchant, network, accounts.ofNetwork(merchantId, asOf)), network,
                merchants.plans(merchantId));
    }

    @GetMapping("/merchants/{merchantId}/accounts")
    @Operation(summary = "The merchant's own accounts and its whole network's, per currency")
    MerchantAccounts accounts(@PathVariable String merchantId,
                              @Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf) {
        merchants.require(merchantId);
        return new MerchantAccounts(accounts.ofMerchant(merchantId, asOf), accounts.ofNetwork(merchantId, asOf));
    }

    @GetMapping("/merchants/{merchantId}/accounts/monthly")
    @Operation(summary = "The same per calendar month (the pay period of the legal tests)")
    MonthlyAccounts monthlyAccounts(@PathVariable String merchantId,
                                    @Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf) {
        merchants.require(merchantId);
        return new MonthlyAccounts(accounts.monthlyOfMerchant(merchantId, asOf), accounts.monthlyOfNetwork(merchantId, asOf));
    }

    private static MerchantSummary summary(Merchants.Merchant merchant, Genealogy.Network network,
                                           List<AccountFigures> networkAccounts) {
        return new MerchantSummary(merchant.merchantId(), merchant.name(), merchant.licenceNumber(), merchant.jurisdiction(),
                merchant.registeredAt(), network.participants(), network.levels(),
                networkAccounts.stream().map(Headline::of).toList());
    }
}
