package com.marketplaceledger.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.listing.PublishListing;
import com.marketplaceledger.shared.merchant.DeclareCompensationPlan;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import com.marketplaceledger.shared.referral.EnrolDistributor;
import com.marketplaceledger.shared.sale.IssueRefund;
import com.marketplaceledger.shared.sale.RecordSale;
import com.marketplaceledger.shared.sale.RefuseRefund;
import com.marketplaceledger.shared.sale.RequestRefund;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A small scenario generated into memory: its NDJSON lines (registration first) and the commands they read back to. */
record Generated(Scenario scenario, GroundTruth truth, List<String> lines, List<MerchantCommand> commands) {

    private static final ObjectMapper JSON = LedgerJson.objectMapper();
    private static final Map<String, Class<? extends MerchantCommand>> TYPES = Stream.of(RegisterMerchant.class,
                    DeclareCompensationPlan.class, PublishListing.class, EnrolDistributor.class, RecordSale.class,
                    RequestRefund.class, IssueRefund.class, RefuseRefund.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    static Generated of(ScenarioKind kind, long seed, int size) {
        return of(Scenario.of(kind, seed, size));
    }

    static Generated of(Scenario scenario) {
        var out = new StringWriter();
        GroundTruth truth = Ndjson.write(scenario, out);
        List<String> lines = out.toString().lines().toList();
        return new Generated(scenario, truth, lines, lines.stream().skip(1).map(Generated::parse).toList());
    }

    /** A line read back as the command side's import reads it: the type names the class, the rest is the command. */
    static MerchantCommand parse(String line) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            Class<? extends MerchantCommand> type = TYPES.get(node.remove("type").asText());
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends MerchantCommand> List<T> all(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The rules of the jurisdiction the merchant registered in, as of the scenario's end. */
    RuleOracle oracle() {
        String jurisdiction = ((RegisterMerchant) parse(lines.get(0))).jurisdiction();
        return RuleOracle.over(jurisdiction, scenario.end(), commands);
    }
}
