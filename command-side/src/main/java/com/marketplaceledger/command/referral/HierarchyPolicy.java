package com.marketplaceledger.command.referral;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.directory.Directory.DistributorFacts;
import com.marketplaceledger.shared.referral.DistributorId;

import java.util.ArrayList;
import java.util.List;

/** The shape of a distributor hierarchy: a tree, never a cycle, nobody their own sponsor. */
final class HierarchyPolicy {

    private HierarchyPolicy() {
    }

    static void requireOtherThanSelf(DistributorId recruit, DistributorId sponsor) {
        if (recruit.equals(sponsor)) {
            throw RuleViolation.unprocessable("self-sponsorship", "sponsorId",
                    "distributor " + recruit + " cannot sponsor itself");
        }
    }

    /** The upline a recruit gets under this sponsor: the sponsor, then the sponsor's own upline. */
    static List<DistributorId> uplineOfRecruit(DistributorId recruit, DistributorFacts sponsor) {
        requireOtherThanSelf(recruit, sponsor.distributorId());
        if (sponsor.upline().contains(recruit)) {
            throw RuleViolation.unprocessable("hierarchy-cycle", "sponsorId",
                    "enrolling " + recruit + " under " + sponsor.distributorId() + " would close a cycle");
        }
        var upline = new ArrayList<DistributorId>(sponsor.upline().size() + 1);
        upline.add(sponsor.distributorId());
        upline.addAll(sponsor.upline());
        return upline;
    }
}
