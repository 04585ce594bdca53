package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.commission.CommissionBasis;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.LevelRate;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.BuyerKind;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleId;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An independent reading of the rules as the ground truth states them (v1 thresholds), run over a
 * generated command stream: commissions are recomputed as the ledger's CommissionPolicy does,
 * then every rule of the merchant's jurisdiction is evaluated as of the end of the scenario. It
 * also measures how far the figures stay from each threshold, so tests can ask honest kinds for
 * margins, not knife edges.
 */
final class RuleOracle {

    private static final Set<ListingKind> GATES =
            EnumSet.of(ListingKind.STARTER_PACKAGE, ListingKind.MEMBERSHIP, ListingKind.FRANCHISE, ListingKind.BRANCH_STAKE);
    private static final Duration WINDOW = Duration.ofDays(30);
    /** A gate found from behaviour: at least 60 % of at least 10 recruits bought a listing within 7 days of joining. */
    private static final Duration GATE_WINDOW = Duration.ofDays(7);
    private static final int GATE_MIN_RECRUITS = 10;
    private static final int GATE_MIN_SHARE_PERCENT = 60;

    record Listing(ListingKind kind, long price) {
    }

    record Commission(DistributorId beneficiary, int level, CommissionBasis basis, long amount, YearMonth month) {
    }

    record Sale(Instant at, DistributorId participantBuyer) {
    }

    record Request(SaleId sale, Instant at) {
    }

    /**
     * Per month: end-customer sales, participant purchases, joining fees; and of those sales, the
     * team-paid ones (CN-PURCHASE-TEAM-PAY: participants bought at least twice what end customers
     * did of what team pay was paid on).
     */
    static final class Month {
        long retail;
        long purchases;
        long fees;
        long teamPaidRetail;
        long teamPaidPurchases;

        long revenue() {
            return retail + purchases + fees;
        }
    }

    /** Per distributor and month: its own retail sales, its pay, its distinct customers. */
    static final class Earner {
        long ownRetail;
        long pay;
        boolean teamPaid;
        final Set<String> customers = new HashSet<>();
    }

    private final String jurisdiction;
    private final Instant asOf;
    private CompensationPlan plan;
    private final Map<ListingId, Listing> listings = new HashMap<>();
    private final Map<DistributorId, List<DistributorId>> uplines = new HashMap<>();
    private final Map<SaleId, Sale> sales = new HashMap<>();
    private final Map<String, Request> openRequests = new HashMap<>();
    private final List<Commission> commissions = new ArrayList<>();
    private final Map<YearMonth, Month> months = new TreeMap<>();
    private final Map<DistributorId, Map<YearMonth, Earner>> earners = new HashMap<>();
    private final Map<DistributorId, long[]> stock = new HashMap<>(); // units bought, units sold, purchases
    private final Map<DistributorId, Instant> enrolled = new HashMap<>();
    /** Per listing, who bought it within the gate window of joining, and whether an upline was paid on it. */
    private final Map<ListingId, Map<DistributorId, Boolean>> earlyBuyers = new HashMap<>();
    private long joiningFees;
    private long participantPurchases;
    private long productRetail;
    private long productPurchases;
    private boolean declaredGate;
    private int deepestLevel;
    private int commissionedReorders;
    private int offendingReorders;
    private int refusedInWindow;
    private int refusedParticipantRequests;
    private Instant last = Instant.EPOCH;

    private RuleOracle(String jurisdiction, Instant asOf) {
        this.jurisdiction = jurisdiction;
        this.asOf = asOf;
    }

    /** The rules of {@code jurisdiction} over a merchant's commands (after its registration), as of {@code asOf}. */
    static RuleOracle over(String jurisdiction, Instant asOf, List<MerchantCommand> commands) {
        var oracle = new RuleOracle(jurisdiction, asOf);
        commands.forEach(oracle::apply);
        return oracle;
    }

    private void apply(MerchantCommand command) {
        if (command instanceof DeclareCompensationPlan declared) {
            plan = declared.plan();
        } else if (command instanceof PublishListing listing) {
            listings.put(listing.listingId(), new Listing(listing.kind(), listing.unitPrice().minorUnits()));
        } else if (command instanceof EnrolDistributor enrolment) {
            enrol(enrolment);
        } else if (command instanceof RecordSale sale) {
            sell(sale);
        } else if (command instanceof RequestRefund request) {
            openRequests.put(key(request.saleId(), request.refundId().value()),
                    new Request(request.saleId(), request.occurredAt()));
        } else if (command instanceof IssueRefund issued) {
            openRequests.remove(key(issued.saleId(), issued.refundId().value()));
        } else if (command instanceof RefuseRefund refused) {
            refuse(refused);
        } else {
            throw new IllegalArgumentException("unexpected command " + command);
        }
        Instant at = occurredAt(command);
        if (at.isBefore(last)) {
            throw new IllegalStateException("out of business-time order: " + command);
        }
        last = at;
    }

    private void enrol(EnrolDistributor enrolment) {
        var upline = new ArrayList<DistributorId>();
        if (enrolment.sponsorId() != null) {
            upline.add(enrolment.sponsorId());
            upline.addAll(uplines.get(enrolment.sponsorId()));
        }
        uplines.put(enrolment.distributorId(), upline);
        enrolled.put(enrolment.distributorId(), enrolment.occurredAt());
        deepestLevel = Math.max(deepestLevel, upline.size() + 1);
        YearMonth month = month(enrolment.occurredAt());
        Money fee = enrolment.joiningFeePaid();
        if (fee != null) {
            declaredGate = true;
            joiningFees += fee.minorUnits();
            months.computeIfAbsent(month, m -> new Month()).fees += fee.minorUnits();
        }
        if (plan == null || upline.isEmpty()) {
            return;
        }
        if (plan.referralBonus() != null) {
            pay(upline.get(0), 2, CommissionBasis.RECRUITMENT, plan.referralBonus().minorUnits(), month);
        }
        if (fee != null) {
            for (LevelRate rate : plan.joiningFeeRates()) {
                long amount = fee.basisPoints(rate.basisPoints()).minorUnits();
                if (rate.level() - 2 < upline.size() && amount > 0) {
                    pay(upline.get(rate.level() - 2), rate.level(), CommissionBasis.JOINING_FEE, amount, month);
                }
            }
        }
    }

    private void sell(RecordSale command) {
        Listing listing = listings.get(command.listingId());
        long amount = listing.price() * command.quantity();
        YearMonth month = month(command.occurredAt());
        boolean retail = command.buyer().kind() == BuyerKind.END_CUSTOMER;
        DistributorId buyer = command.buyer().participantId();
        Month totals = months.computeIfAbsent(month, m -> new Month());
        if (retail) {
            totals.retail += amount;
            if (listing.kind() == ListingKind.PRODUCT) {
                productRetail += amount;
            }
        } else {
            totals.purchases += amount;
            participantPurchases += amount;
            declaredGate |= GATES.contains(listing.kind());
            if (listing.kind() == ListingKind.PRODUCT) {
                productPurchases += amount;
            }
        }
        DistributorId owner = retail ? command.sellerId() : buyer;
        boolean purchaseCommissioned = false;
        boolean teamPaid = false;
        if (plan != null && owner != null) {
            var line = new ArrayList<DistributorId>();
            line.add(owner);
            line.addAll(uplines.get(owner));
            for (LevelRate rate : plan.salesRates()) {
                int level = rate.level();
                long commission = Money.of(amount, Market.CNY).basisPoints(rate.basisPoints()).minorUnits();
                if (level > line.size() || (!retail && level == 1) || commission == 0) {
                    continue;
                }
                CommissionBasis basis = !retail ? CommissionBasis.DOWNLINE_PURCHASE
                        : level == 1 ? CommissionBasis.OWN_RETAIL_SALE : CommissionBasis.DOWNLINE_SALE;
                pay(line.get(level - 1), level, basis, commission, month);
                purchaseCommissioned |= basis == CommissionBasis.DOWNLINE_PURCHASE;
                teamPaid |= level >= 2;
            }
        }
        if (teamPaid && retail) {
            totals.teamPaidRetail += amount;
        } else if (teamPaid) {
            totals.teamPaidPurchases += amount;
        }
        if (!retail && !command.occurredAt().isAfter(enrolled.get(buyer).plus(GATE_WINDOW))) {
            earlyBuyers.computeIfAbsent(command.listingId(), l -> new HashMap<>()).merge(buyer, purchaseCommissioned,
                    Boolean::logicalOr);
        }
        if (retail && command.sellerId() != null) {
            Earner earner = earner(command.sellerId(), month);
            earner.ownRetail += amount;
            earner.customers.add(command.buyer().customerRef());
            if (listing.kind() == ListingKind.PRODUCT) {
                stock(command.sellerId())[1] += command.quantity();
            }
        }
        if (!retail && listing.kind() == ListingKind.PRODUCT) {
            long[] units = stock(buyer);
            if (units[2] > 0 && purchaseCommissioned) {
                commissionedReorders++;
                if (units[1] * 100 < units[0] * 70) {
                    offendingReorders++;
                }
            }
            units[0] += command.quantity();
            units[2]++;
        }
        sales.put(command.saleId(), new Sale(command.occurredAt(), buyer));
    }

    private void refuse(RefuseRefund refused) {
        Request request = openRequests.remove(key(refused.saleId(), refused.refundId().value()));
        Sale sale = sales.get(request.sale());
        if (!request.at().isAfter(sale.at().plus(WINDOW))) {
            refusedInWindow++;
        }
        if (sale.participantBuyer() != null && !request.at().isAfter(sale.at().plus(Duration.ofDays(365)))) {
            refusedParticipantRequests++;
        }
    }

    private void pay(DistributorId beneficiary, int level, CommissionBasis basis, long amount, YearMonth month) {
        commissions.add(new Commission(beneficiary, level, basis, amount, month));
        Earner earner = earner(beneficiary, month);
        earner.pay += amount;
        earner.teamPaid |= basis == CommissionBasis.DOWNLINE_SALE || basis == CommissionBasis.DOWNLINE_PURCHASE;
    }

    // --- the rules -----------------------------------------------------------------------

    Set<String> fired() {
        var fired = new TreeSet<String>();
        boolean headcount = headcountPay();
        boolean gate = gate();
        boolean feeOrHeadcount = gate || headcount;
        if (headcount) {
            fired.add("CN-HEADCOUNT-PAY");
        }
        if (gate) {
            fired.add("CN-ENTRY-FEE");
        }
        if (gate && headcount) {
            fired.add("US-KOSCOT");
        }
        if (months.values().stream().anyMatch(m -> m.teamPaidPurchases > 0
                && m.teamPaidPurchases >= 2 * m.teamPaidRetail)) {
            fired.add("CN-PURCHASE-TEAM-PAY");
        }
        if (commissions.stream().anyMatch(c -> c.level() >= 2 && (c.basis() == CommissionBasis.DOWNLINE_SALE
                || c.basis() == CommissionBasis.DOWNLINE_PURCHASE))) {
            fired.add("CN-TEAM-PAY");
        }
        if (feeOrHeadcount && people() >= 30 && levels() >= 3) {
            fired.add("CN-CRIMINAL-SCALE");
        }
        if (feeOrHeadcount && (people() >= 120 || joiningFees + participantPurchases >= 250_000_000L)) {
            fired.add("CN-SERIOUS");
        }
        if (maxPayShareOfOwnRetail() > 0.30) {
            fired.add("CN-DIRECT-SELLING-CAP");
        }
        if (months.values().stream().anyMatch(m -> m.revenue() >= 100_000 && m.retail * 100 <= 50 * m.revenue())) {
            fired.add("US-RETAIL-SHARE");
        }
        if (productRevenue() >= 100_000 && companyRetailShare() < 0.80) {
            fired.add("US-COMPANY-RETAIL");
        }
        if (offendingReorders >= 3 && offendingReorders * 100 >= 25 * commissionedReorders) {
            fired.add("US-70-PERCENT");
        }
        if (tenCustomersFails()) {
            fired.add("US-TEN-CUSTOMERS");
        }
        if (refusedInWindow > 0 || unansweredRequests() > 0) {
            fired.add("CN-REFUND");
        }
        if (plan != null && plan.buybackBasisPoints() < 9000 || refusedParticipantRequests > 0) {
            fired.add("US-BUYBACK");
        }
        fired.removeIf(rule -> !rule.startsWith(jurisdiction + "-"));
        return fired;
    }

    /**
     * Listings that at least 60 % of the recruits enrolled a window or more before the end bought
     * themselves within the window, with an upline paid on some of those purchases: gates
     * whatever their declared kind.
     */
    Set<ListingId> gatesFromBehaviour() {
        Set<DistributorId> recruits = new HashSet<>();
        enrolled.forEach((distributor, at) -> {
            if (!at.plus(GATE_WINDOW).isAfter(asOf)) {
                recruits.add(distributor);
            }
        });
        var gates = new TreeSet<ListingId>((a, b) -> a.value().compareTo(b.value()));
        if (recruits.size() < GATE_MIN_RECRUITS) {
            return gates;
        }
        earlyBuyers.forEach((listing, buyers) -> {
            long early = buyers.keySet().stream().filter(recruits::contains).count();
            boolean uplinePaid = buyers.entrySet().stream().anyMatch(b -> recruits.contains(b.getKey()) && b.getValue());
            if (early * 100 >= GATE_MIN_SHARE_PERCENT * recruits.size() && uplinePaid) {
                gates.add(listing);
            }
        });
        return gates;
    }

    /** Pay per head: a referral bonus or a share of a joining fee, or pay on a gate found from behaviour. */
    boolean headcountPay() {
        return !gatesFromBehaviour().isEmpty() || commissions.stream().anyMatch(c ->
                c.basis() == CommissionBasis.RECRUITMENT || c.basis() == CommissionBasis.JOINING_FEE);
    }

    private boolean tenCustomersFails() {
        var paid = new HashMap<YearMonth, int[]>(); // team-paid earners, those with fewer than 10 customers
        earners.values().forEach(byMonth -> byMonth.forEach((month, earner) -> {
            if (earner.teamPaid) {
                int[] counts = paid.computeIfAbsent(month, m -> new int[2]);
                counts[0]++;
                if (earner.customers.size() < 10) {
                    counts[1]++;
                }
            }
        }));
        return paid.values().stream().anyMatch(c -> c[1] >= 1 && c[1] * 2 >= c[0]);
    }

    // --- measurements --------------------------------------------------------------------

    int people() {
        return uplines.size() + 1;
    }

    int levels() {
        return deepestLevel + 1;
    }

    int participants() {
        return uplines.size();
    }

    long joiningFees() {
        return joiningFees;
    }

    long participantPurchases() {
        return participantPurchases;
    }

    /** A joining fee, a purchase of a gate kind of listing, or a gate found from behaviour. */
    boolean gate() {
        return declaredGate || !gatesFromBehaviour().isEmpty();
    }

    Map<DistributorId, List<DistributorId>> uplines() {
        return uplines;
    }

    List<Commission> commissions() {
        return commissions;
    }

    /** The highest pay / own retail sales of any distributor in any month; infinite for pay without retail. */
    double maxPayShareOfOwnRetail() {
        return earners.values().stream().flatMap(m -> m.values().stream())
                .filter(e -> e.pay > 0)
                .mapToDouble(e -> e.ownRetail == 0 ? Double.POSITIVE_INFINITY : (double) e.pay / e.ownRetail)
                .max().orElse(0);
    }

    /** The lowest end-customer share of a month's revenue, among months of at least CNY 1,000. */
    double minMonthlyRetailShare() {
        return months.values().stream().filter(m -> m.revenue() >= 100_000)
                .mapToDouble(m -> (double) m.retail / m.revenue()).min().orElse(1);
    }

    long productRevenue() {
        return productRetail + productPurchases;
    }

    double companyRetailShare() {
        return productRevenue() == 0 ? 1 : (double) productRetail / productRevenue();
    }

    int commissionedReorders() {
        return commissionedReorders;
    }

    int offendingReorders() {
        return offendingReorders;
    }

    int refusedInWindow() {
        return refusedInWindow;
    }

    int refusedParticipantRequests() {
        return refusedParticipantRequests;
    }

    int unansweredRequests() {
        return openRequests.size();
    }

    private long[] stock(DistributorId distributor) {
        return stock.computeIfAbsent(distributor, d -> new long[3]);
    }

    private Earner earner(DistributorId distributor, YearMonth month) {
        return earners.computeIfAbsent(distributor, d -> new HashMap<>()).computeIfAbsent(month, m -> new Earner());
    }

    private static String key(SaleId sale, String refund) {
        return sale.value() + "/" + refund;
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** Every merchant command has an occurredAt; the published language has no common accessor for it. */
    static Instant occurredAt(MerchantCommand command) {
        try {
            return (Instant) command.getClass().getMethod("occurredAt").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no occurredAt on " + command, e);
        }
    }
}
