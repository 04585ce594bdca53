package com.marketplaceledger.command.merchant;

import com.marketplaceledger.command.LedgerCommands;
import com.marketplaceledger.command.LedgerCommands.Accepted;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
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
@Tag(name = "Merchants")
class MerchantController {

    private final LedgerCommands commands;

    MerchantController(LedgerCommands commands) {
        this.commands = commands;
    }

    record RegisterMerchantRequest(MerchantId merchantId, String name, String licenceNumber, String jurisdiction,
                                   Instant occurredAt) {
    }

    record DeclarePlanRequest(CompensationPlan plan, Instant occurredAt) {
    }

    @PostMapping("/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a merchant")
    Accepted register(@RequestBody RegisterMerchantRequest request) {
        return commands.send(new RegisterMerchant(request.merchantId(), request.name(), request.licenceNumber(),
                request.jurisdiction(), request.occurredAt()));
    }

    @PostMapping("/merchants/{merchantId}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare a new version of the merchant's compensation plan, in force from occurredAt")
    Accepted declarePlan(@PathVariable MerchantId merchantId, @RequestBody DeclarePlanRequest request) {
        return commands.send(new DeclareCompensationPlan(merchantId, request.plan(), request.occurredAt()));
    }
}
