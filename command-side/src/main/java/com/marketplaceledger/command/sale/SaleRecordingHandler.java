package com.marketplaceledger.command.sale;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.commission.CommissionPolicy;
import com.marketplaceledger.command.directory.Directory;
import com.marketplaceledger.command.directory.Directory.DistributorFacts;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.BuyerKind;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides a sale: the listing must be on sale, seller and participant buyer enrolled; prices it
 * and computes its commissions from the plan in force at the sale's business time.
 */
@Component
class SaleRecordingHandler {

    private final Repository<Sale> sales;
    private final Directory directory;

    SaleRecordingHandler(Repository<Sale> sales, Directory directory) {
        this.sales = sales;
        this.directory = directory;
    }

    @CommandHandler
    void handle(RecordSale command) throws Exception {
        MerchantId merchant = command.merchantId();
        var listing = directory.listing(merchant, command.listingId())
                .orElseThrow(() -> RuleViolation.notFound("unknown-listing", "listingId",
                        "listing " + command.listingId() + " is not published by merchant " + merchant));
        if (listing.withdrawn()) {
            throw RuleViolation.unprocessable("listing-withdrawn", "listingId",
                    "listing " + command.listingId() + " was withdrawn and cannot be sold");
        }
        DistributorFacts seller = command.sellerId() == null ? null
                : enrolled(merchant, command.sellerId(), "sellerId", "seller");
        DistributorFacts buyer = participantBuyer(merchant, command.buyer());
        var plan = directory.planInForce(merchant, command.occurredAt());
        var sale = new SaleRecorded(merchant, command.saleId(), command.listingId(), listing.kind(), command.sellerId(),
                command.buyer(), command.quantity(), listing.unitPrice(), price(listing.unitPrice(), command.quantity()),
                plan.map(Directory.PlanInForce::version).orElse(null), command.occurredAt());
        DistributorFacts volumeOwner = buyer != null ? buyer : seller;
        List<CommissionAccrued> commissions = plan.isEmpty() || volumeOwner == null ? List.of()
                : CommissionPolicy.onSale(sale, plan.get(), lineOf(volumeOwner));
        sales.newInstance(() -> new Sale(sale, commissions));
    }

    private static Money price(Money unitPrice, int quantity) {
        try {
            return unitPrice.times(quantity);
        } catch (ArithmeticException tooLarge) {
            throw RuleViolation.unprocessable("amount-out-of-range", "quantity",
                    quantity + " x " + unitPrice + " is beyond what the ledger can record");
        }
    }

    private DistributorFacts participantBuyer(MerchantId merchant, Buyer buyer) {
        if (buyer.kind() == BuyerKind.END_CUSTOMER) {
            if (buyer.participantId() != null) {
                throw RuleViolation.unprocessable("end-customer-with-participant-id", "buyer.participantId",
                        "an end customer is outside the network: give a customerRef, not a participantId");
            }
            return null;
        }
        if (buyer.participantId() == null) {
            throw RuleViolation.unprocessable("participant-required", "buyer.participantId",
                    "a participant buyer must be named by its distributor id");
        }
        return enrolled(merchant, buyer.participantId(), "buyer.participantId", "participant");
    }

    private DistributorFacts enrolled(MerchantId merchant, DistributorId id, String field, String role) {
        return directory.distributor(merchant, id).orElseThrow(() -> RuleViolation.notFound("unknown-" + role, field,
                role + " " + id + " is not enrolled with merchant " + merchant));
    }

    private static List<DistributorId> lineOf(DistributorFacts owner) {
        var line = new ArrayList<DistributorId>(owner.upline().size() + 1);
        line.add(owner.distributorId());
        line.addAll(owner.upline());
        return line;
    }
}
