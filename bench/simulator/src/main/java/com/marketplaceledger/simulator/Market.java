package com.marketplaceledger.simulator;

import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.Money;
import com.marketplaceledger.shared.listing.ListingId;
import com.marketplaceledger.shared.listing.ListingKind;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.merchant.CompensationPlan;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.MerchantId;
import com.marketplaceledger.shared.referral.DistributorId;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.Buyer;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefundId;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;
import com.marketplaceledger.shared.sale.SaleId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A simulated merchant's business as it happens: it turns the economy's decisions into commands,
 * in business-time order, and keeps what it needs to decide later steps (each member's level
 * and stock, each month's takings) and to state the ground truth.
 */
final class Market {

    static final String CNY = "CNY";
    static final String USD = "USD";
    static final long HOUR = 3_600;
    static final long DAY = 86_400;
    static final int ROOT = -1;
    /** Seller of a purchase made straight from the merchant. */
    static final int MERCHANT = -1;
    private static final Set<ListingKind> GATES =
            EnumSet.of(ListingKind.STARTER_PACKAGE, ListingKind.MEMBERSHIP, ListingKind.FRANCHISE, ListingKind.BRANCH_STAKE);
    /**
     * A gate found from behaviour: a listing that at least 60 % of at least ten recruits (members
     * enrolled a window or more before the end) bought themselves within 7 days of joining, and on
     * whose early purchases an upline was paid, is a gate whatever its declared kind.
     */
    static final long GATE_WINDOW = 7 * 86_400;
    static final int GATE_MIN_RECRUITS = 10;
    static final int GATE_MIN_SHARE_PERCENT = 60;
    /** Early purchases are kept as one bit per listing and member. */
    private static final int MAX_LISTINGS = Integer.SIZE;

    /** A recorded sale, as much of it as later steps (refunds) need. */
    record Sold(SaleId id, long amount, long at) {
    }

    private record Listing(int index, ListingKind kind, long price) {
    }

    private final Scenario scenario;
    private final MerchantId merchant;
    private final String currency;
    private final SplittableRandom random;
    private final Consumer<? super MerchantCommand> out;
    private final Timeline timeline;
    private final long start;
    private final long end;
    /** Epoch seconds at which each month of business begins, and the end. */
    private final long[] monthStarts;

    private CompensationPlan plan;
    private final Map<ListingId, Listing> listings = new HashMap<>();

    private int participants;
    private int deepestLevel;
    private int[] sponsors = new int[64];
    private int[] levels = new int[64];
    private int[] unitsBought = new int[64];
    private int[] unitsSold = new int[64];
    private long[] enrolledAt = new long[64];
    /** Per member, the listings it bought itself within the gate window of joining (bit = listing index). */
    private int[] boughtEarly = new int[64];
    /** Per member, those of its early purchases on which an upline was paid. */
    private int[] boughtEarlyUplinePaid = new int[64];

    private final long[] retailByMonth;
    private final long[] participantMoneyByMonth;

    private long joiningFees;
    private long participantPurchases;
    private boolean gate;
    private boolean headcountPay;
    private long commands;
    private int sales;
    private int refunds;
    private int customers;

    Market(Scenario scenario, SplittableRandom random, Consumer<? super MerchantCommand> out) {
        this.scenario = scenario;
        this.merchant = scenario.merchantId();
        this.currency = currencyOf(scenario.kind().jurisdiction());
        this.random = random;
        this.out = out;
        this.start = scenario.start().getEpochSecond();
        this.end = scenario.end().getEpochSecond();
        this.timeline = new Timeline(start);
        monthStarts = new long[scenario.months() + 1];
        for (int m = 0; m <= scenario.months(); m++) {
            monthStarts[m] = scenario.startMonth().plusMonths(m).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        }
        retailByMonth = new long[scenario.months()];
        participantMoneyByMonth = new long[scenario.months()];
    }

    // --- time ---------------------------------------------------------------------------

    long now() {
        return timeline.now();
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    int size() {
        return scenario.size();
    }

    /** What the merchant trades in: CNY in China, USD in the United States. */
    String currency() {
        return currency;
    }

    static String currencyOf(String jurisdiction) {
        return "US".equals(jurisdiction) ? USD : CNY;
    }

    /** Schedules an action; the market is closed from the end of the last month, so later ones never happen. */
    void at(long time, Runnable action) {
        if (time < end) {
            timeline.at(time, action);
        }
    }

    void run() {
        timeline.run();
    }

    /** A time between min and max hours from now. */
    long inHours(double min, double max) {
        return now() + (long) (HOUR * random.nextDouble(min, max));
    }

    /** A time between min and max days from now. */
    long inDays(double min, double max) {
        return now() + (long) (DAY * random.nextDouble(min, max));
    }

    boolean sameMonth(long a, long b) {
        return month(a) == month(b);
    }

    /** The start of the month after the one {@code time} is in (the end, for the last month). */
    long endOfMonth(long time) {
        return monthStarts[month(time) + 1];
    }

    private int month(long time) {
        int found = Arrays.binarySearch(monthStarts, time);
        return found >= 0 ? found : -found - 2;
    }

    // --- chance -------------------------------------------------------------------------

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from min to max, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A number from 0 to bound - 1. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    double fraction(double min, double max) {
        return random.nextDouble(min, max);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    // --- commands -----------------------------------------------------------------------

    void declare(CompensationPlan plan) {
        this.plan = plan;
        emit(new DeclareCompensationPlan(merchant, plan, instant()));
    }

    ListingId publish(String id, String sku, String title, ListingKind kind, long price) {
        ListingId listing = ListingId.of(id);
        if (listings.size() == MAX_LISTINGS) {
            throw new IllegalStateException("at most " + MAX_LISTINGS + " listings per market");
        }
        listings.put(listing, new Listing(listings.size(), kind, price));
        emit(new PublishListing(merchant, listing, sku, title, Money.of(price, currency), kind, instant()));
        return listing;
    }

    /** Enrols the next distributor under a sponsor (or {@link #ROOT}), with the joining fee it paid if any. */
    int enrol(int sponsor, Money joiningFee) {
        int distributor = participants++;
        if (distributor == sponsors.length) {
            int capacity = sponsors.length * 2;
            sponsors = Arrays.copyOf(sponsors, capacity);
            levels = Arrays.copyOf(levels, capacity);
            unitsBought = Arrays.copyOf(unitsBought, capacity);
            unitsSold = Arrays.copyOf(unitsSold, capacity);
            enrolledAt = Arrays.copyOf(enrolledAt, capacity);
            boughtEarly = Arrays.copyOf(boughtEarly, capacity);
            boughtEarlyUplinePaid = Arrays.copyOf(boughtEarlyUplinePaid, capacity);
        }
        sponsors[distributor] = sponsor;
        enrolledAt[distributor] = now();
        levels[distributor] = sponsor == ROOT ? 1 : levels[sponsor] + 1;
        deepestLevel = Math.max(deepestLevel, levels[distributor]);
        if (joiningFee != null) {
            gate = true;
            joiningFees += joiningFee.minorUnits();
            participantMoneyByMonth[month(now())] += joiningFee.minorUnits();
        }
        if (sponsor != ROOT && paysForHeadcount(levels[distributor] - 1, joiningFee)) {
            headcountPay = true;
        }
        emit(new EnrolDistributor(merchant, id(distributor), sponsor == ROOT ? null : id(sponsor), joiningFee,
                instant()));
        return distributor;
    }

    /** Whether the plan pays the upline of a recruit with this many above it (as CommissionPolicy.onEnrolment does). */
    private boolean paysForHeadcount(int upline, Money fee) {
        if (plan == null) {
            return false;
        }
        return plan.referralBonus() != null || fee != null && plan.joiningFeeRates().stream()
                .anyMatch(rate -> rate.level() - 2 < upline && fee.basisPoints(rate.basisPoints()).isPositive());
    }

    /** A retail sale to a new end customer, by a distributor or, for {@link #MERCHANT}, the merchant itself. */
    Sold sell(int seller, ListingId listing, int quantity) {
        return sellTo(seller, listing, quantity, newCustomer());
    }

    Sold sellTo(int seller, ListingId listing, int quantity, String customerRef) {
        long amount = amount(listing, quantity);
        retailByMonth[month(now())] += amount;
        if (seller != MERCHANT) {
            unitsSold[seller] += quantity;
        }
        return record(seller, listing, Buyer.endCustomer(customerRef), quantity, amount);
    }

    /** A participant's purchase, from the merchant ({@link #MERCHANT}) or from its sponsor. */
    Sold supply(int buyer, int seller, ListingId listing, int quantity) {
        long amount = amount(listing, quantity);
        Listing listed = listings.get(listing);
        ListingKind kind = listed.kind();
        participantPurchases += amount;
        participantMoneyByMonth[month(now())] += amount;
        gate |= GATES.contains(kind);
        if (kind == ListingKind.PRODUCT) {
            unitsBought[buyer] += quantity;
        }
        if (now() - enrolledAt[buyer] <= GATE_WINDOW) {
            boughtEarly[buyer] |= 1 << listed.index();
            if (paysUplineOnPurchase(buyer, amount)) {
                boughtEarlyUplinePaid[buyer] |= 1 << listed.index();
            }
        }
        return record(seller, listing, Buyer.participant(id(buyer)), quantity, amount);
    }

    /** Whether the plan pays someone above the buyer on its purchase (as CommissionPolicy.onSale does, from level 2). */
    private boolean paysUplineOnPurchase(int buyer, long amount) {
        return plan != null && plan.salesRates().stream().anyMatch(rate -> rate.level() >= 2
                && rate.level() <= levels[buyer] && Money.of(amount, currency).basisPoints(rate.basisPoints()).isPositive());
    }

    /**
     * Whether some listing is a gate by behaviour ({@link #GATE_WINDOW}), as of the end: then the
     * upline's pay on it is pay per head in disguise.
     */
    private boolean gateFoundFromBehaviour() {
        int recruits = 0;
        int[] early = new int[listings.size()];
        int paid = 0;
        for (int member = 0; member < participants; member++) {
            if (enrolledAt[member] + GATE_WINDOW > end) {
                continue;
            }
            recruits++;
            paid |= boughtEarlyUplinePaid[member];
            for (int listing = 0; listing < early.length; listing++) {
                early[listing] += boughtEarly[member] >>> listing & 1;
            }
        }
        for (int listing = 0; listing < early.length; listing++) {
            boolean most = early[listing] * 100L >= (long) GATE_MIN_SHARE_PERCENT * recruits;
            if (recruits >= GATE_MIN_RECRUITS && most && (paid >>> listing & 1) == 1) {
                return true;
            }
        }
        return false;
    }

    private Sold record(int seller, ListingId listing, Buyer buyer, int quantity, long amount) {
        SaleId sale = SaleId.of("S-" + ++sales);
        emit(new RecordSale(merchant, sale, listing, seller == MERCHANT ? null : id(seller), buyer, quantity,
                instant()));
        return new Sold(sale, amount, now());
    }

    /**
     * A refund requested at {@code requestAt} and issued at {@code decideAt}, unless the market has
     * closed by then or the decision would fall in a later month than the sale: refunds settle
     * in the sale's month, so that each month's pay and sales net out on their own.
     */
    void refundIssued(Sold sale, long amount, String reason, long requestAt, long decideAt) {
        if (sameMonth(sale.at(), decideAt)) {
            refund(sale, amount, reason, requestAt, decideAt,
                    refund -> emit(new IssueRefund(merchant, sale.id(), refund, Money.of(amount, currency), instant())));
        }
    }

    /** A refund requested at {@code requestAt} and refused at {@code decideAt}, if the market is still open. */
    void refundRefused(Sold sale, long amount, String reason, long requestAt, long decideAt, String refusal) {
        refund(sale, amount, reason, requestAt, decideAt,
                refund -> emit(new RefuseRefund(merchant, sale.id(), refund, refusal, instant())));
    }

    /** A request is only made when its answer comes before the market closes: no request is left unanswered. */
    private void refund(Sold sale, long amount, String reason, long requestAt, long decideAt,
                        Consumer<RefundId> decision) {
        if (requestAt <= sale.at() || decideAt <= requestAt || decideAt >= end) {
            return;
        }
        at(requestAt, () -> {
            RefundId refund = RefundId.of("R-" + ++refunds);
            emit(new RequestRefund(merchant, sale.id(), refund, Money.of(amount, currency), reason, instant()));
            at(decideAt, () -> decision.accept(refund));
        });
    }

    String newCustomer() {
        return "C-" + ++customers;
    }

    /** A customer who bought before, or a new one if there is none yet. */
    String returningCustomer() {
        return customers == 0 ? newCustomer() : "C-" + between(1, customers);
    }

    // --- what the market knows ----------------------------------------------------------

    int sponsorOf(int distributor) {
        return sponsors[distributor];
    }

    int levelOf(int distributor) {
        return levels[distributor];
    }

    int unitsBought(int distributor) {
        return unitsBought[distributor];
    }

    int unitsSold(int distributor) {
        return unitsSold[distributor];
    }

    long price(ListingId listing) {
        return listings.get(listing).price();
    }

    /**
     * Whether a participant's purchase keeps this month's internal consumption within a tenth of
     * its retail sales: honest networks stay far above every retail-share threshold.
     */
    boolean ownUseFits(long amount) {
        int month = month(now());
        return (participantMoneyByMonth[month] + amount) * 10 <= retailByMonth[month];
    }

    /** Whether a retail sale keeps this month's retail within {@code percent} % of what participants paid. */
    boolean retailFits(long amount, int percent) {
        int month = month(now());
        return (retailByMonth[month] + amount) * 100 <= percent * participantMoneyByMonth[month];
    }

    GroundTruth truth() {
        boolean behaviouralGate = gateFoundFromBehaviour();
        return GroundTruth.of(scenario, participants, deepestLevel, Money.of(joiningFees, currency),
                Money.of(participantPurchases, currency), gate || behaviouralGate, headcountPay || behaviouralGate,
                commands);
    }

    private long amount(ListingId listing, int quantity) {
        return Math.multiplyExact(listings.get(listing).price(), quantity);
    }

    private static DistributorId id(int distributor) {
        return DistributorId.of("D-" + (distributor + 1));
    }

    private Instant instant() {
        return Instant.ofEpochSecond(now());
    }

    private void emit(MerchantCommand command) {
        commands++;
        out.accept(command);
    }
}
