package com.marketplaceledger.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One merchant's business as the suite's clients record it: enrolments, sales, refunds, reprices
 * and new plan versions, each valid after the ones before it. Every kind of command is among them,
 * those without an id of their own (a reprice, a plan) too: a retry of one that was recorded must
 * not record it twice.
 */
final class Business {

    /** One command: its REST request, its import line, and the event it must leave exactly once. */
    record Command(String type, String path, ObjectNode body, ObjectNode line, String stream, String event) {

        /** An id the REST request carries in its path, which the import line names as a field. */
        Command withLineField(String field, String value) {
            line.put(field, value);
            return this;
        }
    }

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    final String merchant;
    private final Random random;
    private final List<String> distributors = new ArrayList<>();
    private final List<String> sales = new ArrayList<>();
    private final List<String[]> requestedRefunds = new ArrayList<>();
    private int step;
    private int price = 10_000;
    private int refundWindow = 30;

    Business(String merchant, long seed) {
        this.merchant = merchant;
        this.random = new Random(seed);
    }

    List<Command> setup() {
        var register = object().put("merchantId", merchant).put("name", "Fault injection " + merchant)
                .put("licenceNumber", "FI-" + merchant).put("jurisdiction", "CN").put("occurredAt", at().toString());
        var listing = object().put("listingId", "L-1").put("sku", "TEA-1").put("title", "Tea").put("kind", "PRODUCT")
                .put("occurredAt", at().toString());
        listing.set("unitPrice", money(price));
        return List.of(
                new Command("RegisterMerchant", "/merchants", register, null, "merchant/" + merchant, "MerchantRegistered"),
                plan(),
                command("PublishListing", "/merchants/" + merchant + "/listings", listing, "listing/" + merchant + "/L-1",
                        "ListingPublished"));
    }

    /** The next command of the business, chosen at random among those its state allows. */
    Command next() {
        double dice = random.nextDouble();
        if (distributors.size() < 3 || dice < 0.35) {
            return enrol();
        }
        if (dice < 0.70) {
            return sale();
        }
        if (dice < 0.80 && !sales.isEmpty()) {
            return requestRefund();
        }
        if (dice < 0.88 && !requestedRefunds.isEmpty()) {
            return issueRefund();
        }
        if (dice < 0.95) {
            return reprice();
        }
        return plan();
    }

    private Command enrol() {
        String id = "D-" + step;
        var body = object().put("distributorId", id).put("occurredAt", at().toString());
        if (!distributors.isEmpty()) {
            body.put("sponsorId", distributors.get(random.nextInt(distributors.size())));
        }
        distributors.add(id);
        return command("EnrolDistributor", "/merchants/" + merchant + "/distributors", body,
                "distributor/" + merchant + "/" + id, "DistributorEnrolled");
    }

    private Command sale() {
        String id = "S-" + step;
        var body = object().put("saleId", id).put("listingId", "L-1")
                .put("sellerId", distributors.get(random.nextInt(distributors.size())))
                .put("quantity", 1 + random.nextInt(3)).put("occurredAt", at().toString());
        var buyer = body.putObject("buyer");
        if (random.nextBoolean()) {
            buyer.put("kind", "END_CUSTOMER").put("customerRef", "C-" + random.nextInt(50));
        } else {
            buyer.put("kind", "PARTICIPANT").put("participantId", distributors.get(random.nextInt(distributors.size())));
        }
        sales.add(id);
        return command("RecordSale", "/merchants/" + merchant + "/sales", body, "sale/" + merchant + "/" + id, "SaleRecorded");
    }

    /** A refund of one yuan: a sale is at least a hundred, and is refunded a few times at most. */
    private Command requestRefund() {
        String sale = sales.remove(random.nextInt(sales.size()));
        String id = "R-" + step;
        var body = object().put("refundId", id).put("reason", "fault injection").put("occurredAt", at().toString());
        body.set("amount", money(100));
        requestedRefunds.add(new String[] {sale, id});
        return command("RequestRefund", "/merchants/" + merchant + "/sales/" + sale + "/refunds", body,
                "sale/" + merchant + "/" + sale, "RefundRequested").withLineField("saleId", sale);
    }

    private Command issueRefund() {
        String[] refund = requestedRefunds.remove(0);
        var body = object().put("occurredAt", at().toString());
        return command("IssueRefund", "/merchants/" + merchant + "/sales/" + refund[0] + "/refunds/" + refund[1] + "/issue",
                body, "sale/" + merchant + "/" + refund[0], "RefundIssued")
                .withLineField("saleId", refund[0]).withLineField("refundId", refund[1]);
    }

    private Command reprice() {
        price += 1 + random.nextInt(500);
        var body = object().put("occurredAt", at().toString());
        body.set("unitPrice", money(price));
        return command("RepriceListing", "/merchants/" + merchant + "/listings/L-1/reprice", body,
                "listing/" + merchant + "/L-1", "ListingRepriced").withLineField("listingId", "L-1");
    }

    private Command plan() {
        refundWindow++;
        var body = object().put("occurredAt", at().toString());
        var plan = body.putObject("plan");
        var rates = plan.putArray("salesRates");
        rates.addObject().put("level", 1).put("basisPoints", 1000);
        rates.addObject().put("level", 2).put("basisPoints", 500);
        plan.putArray("joiningFeeRates");
        plan.put("refundWindowDays", refundWindow).put("buybackBasisPoints", 9000);
        return command("DeclareCompensationPlan", "/merchants/" + merchant + "/plans", body, "merchant/" + merchant,
                "CompensationPlanDeclared");
    }

    private Command command(String type, String path, ObjectNode body, String stream, String event) {
        ObjectNode line = body.deepCopy().put("type", type);
        return new Command(type, path, body, line, stream, event);
    }

    /** One business minute per command: the ledger's own checks (a refund after its sale) see them in order. */
    private Instant at() {
        return START.plusSeconds(60L * step++);
    }

    private static ObjectNode money(int minorUnits) {
        return object().put("minorUnits", minorUnits).put("currency", "CNY");
    }

    private static ObjectNode object() {
        return RunningLedger.JSON.createObjectNode();
    }
}
