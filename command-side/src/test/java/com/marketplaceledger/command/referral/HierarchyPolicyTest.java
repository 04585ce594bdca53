package com.marketplaceledger.command.referral;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.RuleViolation.Kind;
import com.marketplaceledger.command.directory.Directory.DistributorFacts;
import com.marketplaceledger.shared.referral.DistributorId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HierarchyPolicyTest {

    private static final DistributorId ROOT = DistributorId.of("D-1");
    private static final DistributorId MIDDLE = DistributorId.of("D-2");
    private static final DistributorId LEAF = DistributorId.of("D-3");
    private static final DistributorId RECRUIT = DistributorId.of("D-9");

    @Test
    void a_distributor_cannot_sponsor_itself() {
        assertViolation(() -> HierarchyPolicy.requireOtherThanSelf(RECRUIT, DistributorId.of("D-9")),
                "self-sponsorship", "distributor D-9 cannot sponsor itself");
    }

    @Test
    void any_other_distributor_may_sponsor() {
        assertThatCode(() -> HierarchyPolicy.requireOtherThanSelf(RECRUIT, ROOT)).doesNotThrowAnyException();
    }

    @Test
    void the_upline_of_a_recruit_refuses_the_recruit_as_its_own_sponsor() {
        var self = new DistributorFacts(RECRUIT, List.of(ROOT));
        assertViolation(() -> HierarchyPolicy.uplineOfRecruit(RECRUIT, self), "self-sponsorship", "cannot sponsor itself");
    }

    @Test
    void a_recruit_of_a_root_has_the_root_as_its_whole_upline() {
        assertThat(HierarchyPolicy.uplineOfRecruit(RECRUIT, new DistributorFacts(ROOT, List.of())))
                .containsExactly(ROOT);
    }

    @Test
    void the_upline_of_a_recruit_is_its_sponsor_then_the_sponsors_upline_up_to_the_root() {
        var sponsor = new DistributorFacts(LEAF, List.of(MIDDLE, ROOT));
        assertThat(HierarchyPolicy.uplineOfRecruit(RECRUIT, sponsor)).containsExactly(LEAF, MIDDLE, ROOT);
    }

    @Test
    void enrolling_a_distributor_under_its_own_downline_is_refused_as_a_cycle() {
        // D-3 sits under D-2 under D-1: putting D-1 under D-3 would close a loop
        var sponsor = new DistributorFacts(LEAF, List.of(MIDDLE, ROOT));
        assertViolation(() -> HierarchyPolicy.uplineOfRecruit(ROOT, sponsor), "hierarchy-cycle",
                "enrolling D-1 under D-3 would close a cycle");
    }

    @Test
    void enrolling_under_a_direct_recruit_is_refused_as_a_cycle() {
        var sponsor = new DistributorFacts(LEAF, List.of(MIDDLE, ROOT));
        assertViolation(() -> HierarchyPolicy.uplineOfRecruit(MIDDLE, sponsor), "hierarchy-cycle", "close a cycle");
    }

    @Test
    void the_recruits_upline_is_a_copy_that_leaves_the_sponsors_upline_untouched() {
        var sponsorUpline = new ArrayList<>(List.of(MIDDLE, ROOT));
        var sponsor = new DistributorFacts(LEAF, sponsorUpline);
        var upline = HierarchyPolicy.uplineOfRecruit(RECRUIT, sponsor);
        assertThat(sponsorUpline).containsExactly(MIDDLE, ROOT);
        sponsorUpline.add(DistributorId.of("D-0"));
        assertThat(upline).containsExactly(LEAF, MIDDLE, ROOT);
    }

    private static void assertViolation(ThrowingCallable check, String rule, String message) {
        assertThatThrownBy(check)
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.kind()).isEqualTo(Kind.UNPROCESSABLE);
                    assertThat(v.rule()).isEqualTo(rule);
                    assertThat(v.field()).isEqualTo("sponsorId");
                })
                .hasMessageContaining(message);
    }
}
