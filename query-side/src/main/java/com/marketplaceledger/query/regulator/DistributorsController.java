package com.marketplaceledger.query.regulator;

import com.marketplaceledger.query.accounts.AccountFigures;
import com.marketplaceledger.query.accounts.Accounts;
import com.marketplaceledger.query.genealogy.Genealogy;
import com.marketplaceledger.query.genealogy.Merchants;
import com.marketplaceledger.axon.web.Paging;
import com.marketplaceledger.axon.web.QueryRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.marketplaceledger.query.regulator.NetworksController.AS_OF;

/** One distributor: where it sits in its tree, who is below it, and its money. */
@RestController
@Tag(name = "Distributors", description = "A distributor's upline, downline and accounts")
class DistributorsController {

    /** {@code enrolmentEventId} finds the enrolment in the audit trail. */
    record DistributorDetail(String merchantId, String distributorId, String sponsorId, int level, Instant enrolledAt,
                             String enrolmentEventId, List<Genealogy.UplineMember> upline, Genealogy.Downline downline,
                             List<AccountFigures> accounts) {
    }

    private final Merchants merchants;
    private final Genealogy genealogy;
    private final Accounts accounts;

    DistributorsController(Merchants merchants, Genealogy genealogy, Accounts accounts) {
        this.merchants = merchants;
        this.genealogy = genealogy;
        this.accounts = accounts;
    }

    @GetMapping("/merchants/{merchantId}/distributors/{distributorId}")
    @Operation(summary = "A distributor: sponsor, level, upline chain (sponsor first), downline summary and accounts")
    DistributorDetail distributor(@PathVariable String merchantId, @PathVariable String distributorId,
                                  @Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf) {
        merchants.require(merchantId);
        Genealogy.Node node = genealogy.requireNode(merchantId, distributorId, asOf);
        return new DistributorDetail(merchantId, node.distributorId(), node.sponsorId(), node.level(), node.enrolledAt(),
                node.enrolmentEventId(), node.upline(), genealogy.downline(merchantId, distributorId, asOf),
                accounts.ofDistributor(merchantId, distributorId, asOf));
    }

    @GetMapping("/merchants/{merchantId}/distributors/{distributorId}/downline")
    @Operation(summary = "A distributor's downline, shallowest first, optionally only one level of it")
    Paging.Page<Genealogy.DownlineMember> downline(
            @PathVariable String merchantId, @PathVariable String distributorId,
            @Parameter(description = "Only members this many levels below the distributor (1: its direct recruits)")
            @RequestParam(required = false) Integer depth,
            @Parameter(description = "Only members at this level of the tree (the root is level 1)")
            @RequestParam(required = false) Integer level,
            @Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        Parameters.atLeastOne("depth", depth);
        Parameters.atLeastOne("level", level);
        merchants.require(merchantId);
        Genealogy.Node node = genealogy.requireNode(merchantId, distributorId, asOf);
        Integer wanted = depth;
        if (level != null) {
            int levelDepth = level - node.level();
            if (depth != null && depth != levelDepth) {
                throw QueryRefused.badParameter("level", "level-not-below", Map.of("level", level, "depth", depth,
                        "distributorLevel", node.level()));
            }
            if (levelDepth < 1) {
                return new Paging.Page<>(List.of(), page, size, false);
            }
            wanted = levelDepth;
        }
        return genealogy.downlineMembers(merchantId, distributorId, wanted, asOf, paging);
    }

    @GetMapping("/merchants/{merchantId}/distributors/{distributorId}/accounts/monthly")
    @Operation(summary = "A distributor's accounts per calendar month, per currency")
    List<Accounts.Month> monthlyAccounts(@PathVariable String merchantId, @PathVariable String distributorId,
                                         @Parameter(description = AS_OF) @RequestParam(required = false) LocalDate asOf) {
        merchants.require(merchantId);
        genealogy.requireNode(merchantId, distributorId, asOf);
        return accounts.monthlyOfDistributor(merchantId, distributorId, asOf);
    }
}
