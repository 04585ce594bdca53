package com.marketplaceledger.command.sale;

import com.marketplaceledger.command.LedgerCommands;
import com.marketplaceledger.command.LedgerCommands.Accepted;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleId;
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
@Tag(name = "Sales and refunds")
class SaleController {

    private final LedgerCommands commands;

    SaleController(LedgerCommands commands) {
        this.commands = commands;
    }

    record RecordSaleRequest(SaleId saleId, ListingId listingId, DistributorId sellerId, Buyer buyer, int quantity,
                             Instant occurredAt) {
    }

    record RequestRefundRequest(RefundId refundId, Money amount, String reason, Instant occurredAt) {
    }

    record IssueRefundRequest(Money amount, Instant occurredAt) {
    }

    record RefuseRefundRequest(String reason, Instant occurredAt) {
    }

    @PostMapping("/merchants/{merchantId}/sales")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a sale of a listing; commissions are computed from the plan in force")
    Accepted record(@PathVariable MerchantId merchantId, @RequestBody RecordSaleRequest request) {
        return commands.send(new RecordSale(merchantId, request.saleId(), request.listingId(), request.sellerId(),
                request.buyer(), request.quantity(), request.occurredAt()));
    }

    @PostMapping("/merchants/{merchantId}/sales/{saleId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a refund of part or all of a sale")
    Accepted requestRefund(@PathVariable MerchantId merchantId, @PathVariable SaleId saleId,
                           @RequestBody RequestRefundRequest request) {
        return commands.send(new RequestRefund(merchantId, saleId, request.refundId(), request.amount(),
                request.reason(), request.occurredAt()));
    }

    @PostMapping("/merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/issue")
    @Operation(summary = "Pay a requested refund (the requested amount unless a smaller one is given); reverses commissions")
    Accepted issueRefund(@PathVariable MerchantId merchantId, @PathVariable SaleId saleId,
                         @PathVariable RefundId refundId, @RequestBody IssueRefundRequest request) {
        return commands.send(new IssueRefund(merchantId, saleId, refundId, request.amount(), request.occurredAt()));
    }

    @PostMapping("/merchants/{merchantId}/sales/{saleId}/refunds/{refundId}/refuse")
    @Operation(summary = "Refuse a requested refund, with a reason")
    Accepted refuseRefund(@PathVariable MerchantId merchantId, @PathVariable SaleId saleId,
                          @PathVariable RefundId refundId, @RequestBody RefuseRefundRequest request) {
        return commands.send(new RefuseRefund(merchantId, saleId, refundId, request.reason(), request.occurredAt()));
    }
}
