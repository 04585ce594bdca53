package com.marketplaceledger.command.referral;

import com.marketplaceledger.command.LedgerCommands;
import com.marketplaceledger.command.LedgerCommands.Accepted;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "Referrals")
class ReferralController {

    private final LedgerCommands commands;

    ReferralController(LedgerCommands commands) {
        this.commands = commands;
    }

    record EnrolDistributorRequest(DistributorId distributorId, DistributorId sponsorId, Money joiningFeePaid,
                                   Instant occurredAt) {
    }

    @PostMapping("/merchants/{merchantId}/distributors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol a distributor through a referral (no sponsor: recruited by the merchant itself)")
    Accepted enrol(@PathVariable MerchantId merchantId, @RequestBody EnrolDistributorRequest request) {
        return commands.send(new EnrolDistributor(merchantId, request.distributorId(), request.sponsorId(),
                request.joiningFeePaid(), request.occurredAt()));
    }
}
