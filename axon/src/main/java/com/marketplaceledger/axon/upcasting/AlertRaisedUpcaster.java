package com.marketplaceledger.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marketplaceledger.shared.detection.AlertRaised;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an AlertRaised of revision 1, whose reason is an English sentence, as revision 2: the
 * sentence becomes the one argument of the reason code {@value AlertRaised#LEGACY_REASON}. The
 * stored sentence is kept word for word; no language can be rendered from it but English, and
 * the readers say so rather than guess at the figures in it.
 */
public final class AlertRaisedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = AlertRaised.class.getName();
    private static final String FROM = "1";
    private static final String TO = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && FROM.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, TO), JsonNode.class, payload -> {
            ObjectNode alert = ((ObjectNode) payload).deepCopy();
            String sentence = alert.remove("reason").asText();
            alert.put("reasonCode", AlertRaised.LEGACY_REASON);
            alert.putObject("reasonArguments").put(AlertRaised.LEGACY_SENTENCE, sentence);
            return alert;
        });
    }
}
