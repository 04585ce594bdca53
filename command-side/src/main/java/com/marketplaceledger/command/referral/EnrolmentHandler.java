package com.marketplaceledger.command.referral;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.commission.CommissionPolicy;
import com.marketplaceledger.command.directory.Directory;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionAccrued;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;

/** Decides an enrolment: the sponsor must be known, the tree must stay a tree; computes its commissions. */
@Component
class EnrolmentHandler {

    private final Repository<Distributor> distributors;
    private final Directory directory;

    EnrolmentHandler(Repository<Distributor> distributors, Directory directory) {
        this.distributors = distributors;
        this.directory = directory;
    }

    @CommandHandler
    void handle(EnrolDistributor command) throws Exception {
        var merchant = command.merchantId();
        if (directory.distributor(merchant, command.distributorId()).isPresent()) {
            throw RuleViolation.conflict("distributor-already-enrolled", "distributorId",
                    "distributor " + command.distributorId() + " is already enrolled");
        }
        List<DistributorId> upline = List.of();
        if (command.sponsorId() != null) {
            HierarchyPolicy.requireOtherThanSelf(command.distributorId(), command.sponsorId());
            var sponsor = directory.distributor(merchant, command.sponsorId())
                    .orElseThrow(() -> RuleViolation.notFound("unknown-sponsor", "sponsorId",
                            "sponsor " + command.sponsorId() + " is not enrolled with merchant " + merchant));
            upline = HierarchyPolicy.uplineOfRecruit(command.distributorId(), sponsor);
        }
        var plan = directory.planInForce(merchant, command.occurredAt());
        Money fee = command.joiningFeePaid();
        Money declaredFee = plan.map(p -> p.plan().joiningFee()).orElse(null);
        if (fee != null && declaredFee != null && !fee.currency().equals(declaredFee.currency())) {
            throw RuleViolation.unprocessable("currency-mix", "joiningFeePaid.currency",
                    "the plan's joining fee is in " + declaredFee.currency() + ", not " + fee.currency());
        }
        var enrolled = new DistributorEnrolled(merchant, command.distributorId(), command.sponsorId(), upline, fee,
                plan.map(Directory.PlanInForce::version).orElse(null), command.occurredAt());
        List<CommissionAccrued> commissions = plan.map(p -> CommissionPolicy.onEnrolment(enrolled, p)).orElse(List.of());
        distributors.newInstance(() -> new Distributor(enrolled, commissions));
    }
}
