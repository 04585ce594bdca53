package com.marketplaceledger.axon.security;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command dispatched while serving a request with who sent it (the token's subject,
 * roles and merchant). A correlation data provider copies these keys onto the events the command
 * causes, so every recorded event says who recorded it.
 */
public final class ActorMetadata implements MessageDispatchInterceptor<Message<?>> {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String ACTOR_MERCHANT = "actorMerchant";
    public static final List<String> KEYS = List.of(ACTOR, ACTOR_ROLES, ACTOR_MERCHANT);

    /** The metadata that records this caller. */
    public static MetaData of(Caller caller) {
        Map<String, Object> values = new HashMap<>();
        values.put(ACTOR, caller.subject());
        values.put(ACTOR_ROLES, caller.rolesText());
        if (caller.merchantId() != null) {
            values.put(ACTOR_MERCHANT, caller.merchantId());
        }
        return MetaData.from(values);
    }

    @Override
    public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
        // read on the dispatching (request) thread, where the security context is
        MetaData actor = Caller.current().map(ActorMetadata::of).orElse(MetaData.emptyInstance());
        return (index, message) -> actor.isEmpty() ? message : message.andMetaData(actor);
    }
}
