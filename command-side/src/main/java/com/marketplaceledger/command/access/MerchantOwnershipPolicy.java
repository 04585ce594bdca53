package com.marketplaceledger.command.access;

import com.marketplaceledger.axon.security.ActorMetadata;
import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.access.LedgerRole;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * A merchant records only for itself: a command sent with a merchant token must concern the
 * merchant that token names. This covers what the URL cannot, such as the merchant id in the body
 * of a registration. It runs before every other check, so that refusing says nothing about whether
 * the other merchant exists.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MerchantOwnershipPolicy implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getPayload() instanceof MerchantCommand merchantCommand && sentByMerchant(command.getMetaData())) {
            Object own = command.getMetaData().get(ActorMetadata.ACTOR_MERCHANT);
            if (!merchantCommand.merchantId().value().equals(own)) {
                throw RuleViolation.forbidden("other-merchant", "merchantId",
                        "this token records for merchant " + own + " only, not for " + merchantCommand.merchantId());
            }
        }
        return chain.proceed();
    }

    private static boolean sentByMerchant(MetaData metaData) {
        Object roles = metaData.get(ActorMetadata.ACTOR_ROLES);
        return roles != null && Arrays.asList(roles.toString().split(",")).contains(LedgerRole.MERCHANT.claimValue());
    }
}
