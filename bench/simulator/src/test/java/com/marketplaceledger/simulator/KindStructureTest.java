package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.BuyerKind;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Per kind, the structure that makes its expected rules true (and keeps the others false). */
class KindStructureTest {

    private static final int SEEDS = 5;

    @Test
    void anHonestRetailerSellsSizeTimesToEndCustomersAndRefusesOnlyLateRefunds() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated shop = Generated.of(ScenarioKind.HONEST_RETAILER, seed, 60);

            assertThat(shop.all(EnrolDistributor.class)).isEmpty();
            assertThat(shop.all(RecordSale.class)).hasSize(60).allSatisfy(sale -> {
                assertThat(sale.sellerId()).isNull();
                assertThat(sale.buyer().kind()).isEqualTo(BuyerKind.END_CUSTOMER);
            });
            assertThat(shop.all(DeclareCompensationPlan.class)).allSatisfy(declared -> {
                assertThat(declared.plan().salesRates()).isEmpty();
                assertThat(declared.plan().buybackBasisPoints()).isEqualTo(10_000);
            });
            Map<String, RequestRefund> requests = byRefund(shop);
            Map<String, RecordSale> sales = bySale(shop);
            assertThat(shop.all(RefuseRefund.class)).isNotEmpty().allSatisfy(refused -> {
                assertThat(refused.reason()).isEqualTo("outside the refund window");
                RequestRefund request = requests.get(refused.refundId().value());
                assertThat(Duration.between(sales.get(refused.saleId().value()).occurredAt(), request.occurredAt()))
                        .isGreaterThanOrEqualTo(Duration.ofDays(35));
            });
        }
        var declared = new HashSet<Boolean>();
        for (int seed = 1; seed <= 20; seed++) {
            declared.add(Generated.of(ScenarioKind.HONEST_RETAILER, seed, 20).all(DeclareCompensationPlan.class).isEmpty());
        }
        assertThat(declared).as("some shops declare a plan without rates, some none").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aLicensedDirectSellerPaysOnlyTheSellersOwnRetailWithinTheCap() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated seller = Generated.of(ScenarioKind.LICENSED_DIRECT_SELLER, seed, 80);
            CompensationPlan plan = plan(seller);

            assertThat(plan.salesRates()).singleElement().satisfies(rate -> {
                assertThat(rate.level()).isEqualTo(1);
                assertThat(rate.basisPoints()).isBetween(1500, 2500);
            });
            assertThat(plan.buybackBasisPoints()).isGreaterThanOrEqualTo(9000);
            assertThat(plan.refundWindowDays()).isEqualTo(30);
            assertThat(plan.joiningFee()).isNull();
            assertThat(plan.referralBonus()).isNull();
            assertThat(seller.truth().levels()).as("members recruit").isGreaterThan(3);
            assertThat(purchasesPerParticipant(seller).values()).allMatch(n -> n <= 1);
            long dormant = seller.all(EnrolDistributor.class).stream()
                    .filter(e -> seller.all(RecordSale.class).stream().noneMatch(s -> involves(s, e.distributorId())))
                    .count();
            assertThat(dormant).as("dormant members").isPositive();
        }
    }

    @Test
    void anMlmRetailPlanPaysThreeLevelsOnRetailThatDominatesEveryMonth() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated mlm = Generated.of(ScenarioKind.MLM_RETAIL, seed, 80);
            CompensationPlan plan = plan(mlm);

            assertThat(plan.salesRates()).containsExactly(new LevelRate(1, 2000), new LevelRate(2, 500), new LevelRate(3, 300));
            assertThat(plan.buybackBasisPoints()).isGreaterThanOrEqualTo(9000);
            assertThat(purchasesPerParticipant(mlm).values()).allMatch(n -> n <= 1);
            assertThat(mlm.oracle().minMonthlyRetailShare()).isGreaterThanOrEqualTo(0.85);
            assertThat(mlm.oracle().commissions()).anyMatch(c -> c.level() >= 2);
        }
    }

    @Test
    void everyEnrolmentInAnEntryFeePyramidCarriesTheFee() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated pyramid = Generated.of(ScenarioKind.ENTRY_FEE_PYRAMID, seed, 80);
            CompensationPlan plan = plan(pyramid);

            assertThat(plan.joiningFee()).isEqualTo(Money.of(398_000, "CNY"));
            assertThat(plan.joiningFeeRates()).containsExactly(new LevelRate(2, 3000), new LevelRate(3, 1000));
            assertThat(pyramid.all(EnrolDistributor.class)).hasSize(80)
                    .allSatisfy(e -> assertThat(e.joiningFeePaid()).isEqualTo(Money.of(398_000, "CNY")));
            assertThat(pyramid.truth().joiningFees()).isEqualTo(Money.of(80 * 398_000L, "CNY"));
            assertThat(pyramid.truth().gate()).isTrue();
            assertThat(pyramid.truth().headcountPay()).isTrue();
        }
    }

    @Test
    void everyRecruitOfAPayPerRecruitPlanBuysTheStarterPackageWithinHours() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated pyramid = Generated.of(ScenarioKind.PAY_PER_RECRUIT, seed, 80);
            CompensationPlan plan = plan(pyramid);
            Map<ListingId, PublishListing> listings = listings(pyramid);

            assertThat(plan.referralBonus()).isEqualTo(Money.of(30_000, "CNY"));
            assertThat(listings.get(plan.starterPackage()).kind()).isEqualTo(ListingKind.STARTER_PACKAGE);
            assertThat(listings.get(plan.starterPackage()).unitPrice()).isEqualTo(Money.of(100_000, "CNY"));
            Map<DistributorId, List<RecordSale>> starters = pyramid.all(RecordSale.class).stream()
                    .filter(s -> s.listingId().equals(plan.starterPackage()))
                    .collect(Collectors.groupingBy(s -> s.buyer().participantId()));
            assertThat(pyramid.all(EnrolDistributor.class)).hasSize(80).allSatisfy(e -> {
                assertThat(starters.get(e.distributorId())).singleElement().satisfies(sale -> {
                    assertThat(sale.sellerId()).isNull();
                    assertThat(Duration.between(e.occurredAt(), sale.occurredAt())).isBetween(Duration.ofHours(1),
                            Duration.ofHours(3));
                });
            });
        }
    }

    @Test
    void deepTeamPayPaysNineLevelsOnPurchasesThatDwarfRetail() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated pyramid = Generated.of(ScenarioKind.DEEP_TEAM_PAY, seed, 80);
            CompensationPlan plan = plan(pyramid);

            assertThat(plan.salesRates()).extracting(LevelRate::level).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(plan.salesRates()).allMatch(r -> r.basisPoints() >= 300 && r.basisPoints() <= 500);
            assertThat(plan.joiningFee()).isNull();
            assertThat(pyramid.truth().levels()).as("deep chains").isGreaterThanOrEqualTo(8);
            assertThat(pyramid.oracle().companyRetailShare()).isLessThan(0.30);
            assertThat(purchasesPerParticipant(pyramid).values().stream().mapToLong(Long::longValue).max().orElse(0))
                    .as("members restock again and again").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void branchStakesAreSoldTenPerCityToRootShareholdersWhoRecruitMerchants() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated platform = Generated.of(ScenarioKind.BRANCH_STAKE, seed, 100);
            List<PublishListing> stakes = platform.all(PublishListing.class).stream()
                    .filter(l -> l.kind() == ListingKind.BRANCH_STAKE).toList();
            int shareholders = stakes.size() * 10;
            List<EnrolDistributor> enrolments = platform.all(EnrolDistributor.class);

            assertThat(stakes).hasSizeBetween(1, 5)
                    .allMatch(l -> l.unitPrice().equals(Money.of(10_000_000, "CNY")));
            assertThat(plan(platform).referralBonus()).isEqualTo(Money.of(50_000, "CNY"));
            assertThat(enrolments.subList(0, shareholders)).allMatch(e -> e.sponsorId() == null);
            assertThat(enrolments.subList(shareholders, enrolments.size())).allMatch(e -> e.sponsorId() != null);
            for (int shareholder = 0; shareholder < shareholders; shareholder++) {
                DistributorId id = enrolments.get(shareholder).distributorId();
                ListingId cityStake = stakes.get(shareholder / 10).listingId();
                assertThat(platform.all(RecordSale.class))
                        .filteredOn(s -> id.equals(s.buyer().participantId()))
                        .singleElement().satisfies(s -> assertThat(s.listingId()).isEqualTo(cityStake));
            }
        }
    }

    @Test
    void inventoryLoadersBuyBigBatchesAndSellAtMostThreeInTen() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated pyramid = Generated.of(ScenarioKind.INVENTORY_LOADING, seed, 80);
            Map<DistributorId, Integer> bought = new HashMap<>();
            Map<DistributorId, Integer> sold = new HashMap<>();
            for (RecordSale sale : pyramid.all(RecordSale.class)) {
                if (sale.buyer().kind() == BuyerKind.PARTICIPANT) {
                    assertThat(sale.quantity()).isBetween(20, 60);
                    bought.merge(sale.buyer().participantId(), sale.quantity(), Integer::sum);
                } else {
                    sold.merge(sale.sellerId(), sale.quantity(), Integer::sum);
                }
            }

            assertThat(plan(pyramid).salesRates()).extracting(LevelRate::level).containsExactly(2, 3);
            assertThat(sold).allSatisfy((member, units) -> assertThat(units * 10).isLessThanOrEqualTo(bought.get(member) * 3));
            // a second batch follows within 29 days, so whoever joined a month before the end restocked
            Map<DistributorId, Long> batches = purchasesPerParticipant(pyramid);
            var monthBeforeEnd = pyramid.scenario().end().minus(Duration.ofDays(30));
            assertThat(pyramid.all(EnrolDistributor.class)).filteredOn(e -> e.occurredAt().isBefore(monthBeforeEnd))
                    .isNotEmpty().allSatisfy(e -> assertThat(batches.get(e.distributorId())).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void aRefundRefusingPlanRefusesInsideTheWindowAndBuysBackLittle() {
        int memberRefusals = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated refusing = Generated.of(ScenarioKind.REFUND_REFUSING, seed, 80);
            RuleOracle oracle = refusing.oracle();

            assertThat(plan(refusing).buybackBasisPoints()).isLessThanOrEqualTo(5000);
            assertThat(oracle.refusedInWindow()).isPositive();
            assertThat(oracle.minMonthlyRetailShare()).as("still a retail business").isGreaterThanOrEqualTo(0.85);
            memberRefusals += oracle.refusedParticipantRequests();
        }
        assertThat(memberRefusals).as("members' own returns refused").isPositive();
    }

    @Test
    void aStarterKitListedAsAnOrdinaryProductIsBoughtByMostRecruitsWithinThreeDaysPayingTheirSponsor() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated pyramid = Generated.of(ScenarioKind.STARTER_KIT_AS_PRODUCT, seed, 80);
            CompensationPlan plan = plan(pyramid);
            ListingId kit = ListingId.of(StarterKitAsProduct.KIT);
            List<EnrolDistributor> enrolments = pyramid.all(EnrolDistributor.class);
            Map<DistributorId, EnrolDistributor> enrolled = enrolments.stream()
                    .collect(Collectors.toMap(EnrolDistributor::distributorId, Function.identity()));
            List<RecordSale> kits = pyramid.all(RecordSale.class).stream().filter(s -> s.listingId().equals(kit)).toList();

            assertThat(listings(pyramid).get(kit).kind()).as("declared an ordinary product").isEqualTo(ListingKind.PRODUCT);
            assertThat(plan.joiningFee()).isNull();
            assertThat(plan.starterPackage()).isNull();
            assertThat(plan.referralBonus()).isNull();
            assertThat(plan.salesRateAt(2)).hasValueSatisfying(rate -> assertThat(rate).isBetween(2000, 3000));
            assertThat(enrolments).allMatch(e -> e.joiningFeePaid() == null);
            assertThat(kits).allSatisfy(sale -> {
                assertThat(sale.sellerId()).isNull();
                assertThat(sale.buyer().kind()).isEqualTo(BuyerKind.PARTICIPANT);
                assertThat(Duration.between(enrolled.get(sale.buyer().participantId()).occurredAt(), sale.occurredAt()))
                        .isBetween(Duration.ofHours(1), Duration.ofDays(3));
            });
            assertThat(kits.stream().map(s -> s.buyer().participantId()).distinct().count() * 100)
                    .as("recruits who bought the kit").isGreaterThanOrEqualTo(70L * enrolments.size());
            assertThat(enrolments.subList(0, Recruitment.FOUNDERS)).allSatisfy(founder -> assertThat(kits)
                    .anyMatch(s -> s.buyer().participantId().equals(founder.distributorId())));
            assertThat(pyramid.oracle().commissions()).as("the sponsor paid on the kit")
                    .anyMatch(c -> c.level() == 2 && c.basis() == CommissionBasis.DOWNLINE_PURCHASE);
            assertThat(pyramid.oracle().gatesFromBehaviour()).containsExactly(kit);
            assertThat(pyramid.truth().gate()).isTrue();
            assertThat(pyramid.truth().headcountPay()).isTrue();
        }
    }

    @Test
    void usKindsRegisterInTheUnitedStatesAndTradeInDollarsChineseKindsInYuan() {
        for (ScenarioKind kind : ScenarioKind.values()) {
            Generated generated = Generated.of(kind, 2, 40);
            var registration = (RegisterMerchant) Generated.parse(generated.lines().get(0));
            String currency = kind.jurisdiction().equals("US") ? "USD" : "CNY";

            assertThat(registration.jurisdiction()).isEqualTo(kind.jurisdiction());
            assertThat(generated.all(PublishListing.class)).allMatch(l -> l.unitPrice().currency().equals(currency));
            assertThat(generated.all(RequestRefund.class)).allMatch(r -> r.amount().currency().equals(currency));
            assertThat(generated.truth().participantPurchases().currency()).isEqualTo(currency);
        }
        assertThat(ScenarioKind.US_COMPLIANT_MLM.jurisdiction()).isEqualTo("US");
        assertThat(ScenarioKind.US_PYRAMID.jurisdiction()).isEqualTo("US");
    }

    @Test
    void aCompliantUsPlanPaysFourLevelsOnRetailToAtLeastTenCustomersAMonthAndNeverOnReorders() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated mlm = Generated.of(ScenarioKind.US_COMPLIANT_MLM, seed, 80);
            CompensationPlan plan = plan(mlm);
            RuleOracle oracle = mlm.oracle();

            assertThat(plan.salesRates()).extracting(LevelRate::level).containsExactly(1, 2, 3, 4);
            assertThat(plan.joiningFee()).isNull();
            assertThat(plan.referralBonus()).isNull();
            assertThat(plan.starterPackage()).isNull();
            assertThat(plan.buybackBasisPoints()).isGreaterThanOrEqualTo(9000);
            assertThat(oracle.commissions()).anyMatch(c -> c.level() >= 3);
            assertThat(oracle.minMonthlyRetailShare()).as("revenue from customers").isGreaterThan(0.70);
            assertThat(purchasesPerParticipant(mlm).values()).allMatch(n -> n <= 1);
            assertThat(oracle.commissionedReorders()).isZero();
            assertThat(oracle.refusedInWindow()).isZero();
            // whoever is paid on others' sales is a sponsor: each sells to ten or more customers every month it is in
            Map<DistributorId, EnrolDistributor> enrolled = mlm.all(EnrolDistributor.class).stream()
                    .collect(Collectors.toMap(EnrolDistributor::distributorId, Function.identity()));
            Map<DistributorId, Map<YearMonth, Set<String>>> customers = new HashMap<>();
            mlm.all(RecordSale.class).stream().filter(s -> s.buyer().kind() == BuyerKind.END_CUSTOMER)
                    .forEach(s -> customers.computeIfAbsent(s.sellerId(), d -> new HashMap<>())
                            .computeIfAbsent(month(s.occurredAt()), m -> new HashSet<>()).add(s.buyer().customerRef()));
            Set<DistributorId> sponsors = enrolled.values().stream().map(EnrolDistributor::sponsorId)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            assertThat(sponsors).isNotEmpty().allSatisfy(sponsor -> {
                for (YearMonth m = month(enrolled.get(sponsor).occurredAt()); m.isBefore(month(mlm.scenario().end()));
                     m = m.plusMonths(1)) {
                    assertThat(customers.get(sponsor).getOrDefault(m, Set.of())).as("customers of %s in %s", sponsor, m)
                            .hasSizeGreaterThanOrEqualTo(10);
                }
            });
            assertThat(oracle.fired()).isEmpty();
        }
    }

    @Test
    void everyRecruitOfAUsPyramidBuysAMembershipPackageAndItsSponsorEarnsABonusForIt() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated pyramid = Generated.of(ScenarioKind.US_PYRAMID, seed, 80);
            Map<ListingId, PublishListing> listings = listings(pyramid);
            Map<DistributorId, List<RecordSale>> packages = pyramid.all(RecordSale.class).stream()
                    .filter(s -> listings.get(s.listingId()).kind() == ListingKind.MEMBERSHIP)
                    .collect(Collectors.groupingBy(s -> s.buyer().participantId()));

            assertThat(plan(pyramid).referralBonus()).isEqualTo(Money.of(2_000, "USD"));
            assertThat(listings.values()).filteredOn(l -> l.kind() == ListingKind.MEMBERSHIP)
                    .extracting(l -> l.unitPrice().minorUnits()).containsExactlyInAnyOrder(2_995L, 12_995L, 42_995L);
            assertThat(pyramid.all(EnrolDistributor.class)).hasSize(80).allSatisfy(e ->
                    assertThat(packages.get(e.distributorId())).singleElement().satisfies(sale ->
                            assertThat(Duration.between(e.occurredAt(), sale.occurredAt()))
                                    .isBetween(Duration.ofHours(1), Duration.ofHours(3))));
            assertThat(pyramid.oracle().fired()).contains("US-KOSCOT", "US-RETAIL-SHARE").allMatch(r -> r.startsWith("US-"));
        }
    }

    @Test
    void aSafeguardOnlyShopPaysNobodyOnOthersSalesAndRefusesRefundsInsideTheWindow() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated shop = Generated.of(ScenarioKind.SAFEGUARD_ONLY, seed, 80);
            RuleOracle oracle = shop.oracle();

            assertThat(plan(shop).salesRates()).singleElement().satisfies(rate -> {
                assertThat(rate.level()).isEqualTo(1);
                assertThat(rate.basisPoints()).isBetween(1500, 2500);
            });
            assertThat(shop.all(EnrolDistributor.class)).hasSize(80).allMatch(e -> e.sponsorId() == null);
            assertThat(oracle.commissions()).isNotEmpty().allMatch(c -> c.level() == 1);
            assertThat(oracle.maxPayShareOfOwnRetail()).isLessThanOrEqualTo(0.25);
            assertThat(oracle.refusedInWindow()).isPositive();
            assertThat(oracle.fired()).containsExactly("CN-REFUND");
        }
    }

    @Test
    void aLicensedSellerAtTheCapPaysExactlyThirtyPercentOfOwnRetailAndNothingFires() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Generated seller = Generated.of(ScenarioKind.LICENSED_AT_CAP, seed, 80);
            RuleOracle oracle = seller.oracle();

            assertThat(plan(seller).salesRates()).containsExactly(new LevelRate(1, 3000));
            assertThat(oracle.maxPayShareOfOwnRetail()).isEqualTo(0.30);
            assertThat(oracle.commissions()).allSatisfy(c -> assertThat(c.basis()).isEqualTo(CommissionBasis.OWN_RETAIL_SALE));
            assertThat(oracle.fired()).isEmpty();
        }
    }

    private static CompensationPlan plan(Generated generated) {
        return generated.all(DeclareCompensationPlan.class).get(0).plan();
    }

    private static Map<ListingId, PublishListing> listings(Generated generated) {
        return generated.all(PublishListing.class).stream()
                .collect(Collectors.toMap(PublishListing::listingId, Function.identity()));
    }

    private static Map<DistributorId, Long> purchasesPerParticipant(Generated generated) {
        return generated.all(RecordSale.class).stream()
                .filter(s -> s.buyer().kind() == BuyerKind.PARTICIPANT)
                .collect(Collectors.groupingBy(s -> s.buyer().participantId(), Collectors.counting()));
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    private static boolean involves(RecordSale sale, DistributorId distributor) {
        return distributor.equals(sale.sellerId()) || distributor.equals(sale.buyer().participantId());
    }

    private static Map<String, RequestRefund> byRefund(Generated generated) {
        return generated.all(RequestRefund.class).stream()
                .collect(Collectors.toMap(r -> r.refundId().value(), Function.identity()));
    }

    private static Map<String, RecordSale> bySale(Generated generated) {
        return generated.all(RecordSale.class).stream()
                .collect(Collectors.toMap(s -> s.saleId().value(), Function.identity()));
    }
}
