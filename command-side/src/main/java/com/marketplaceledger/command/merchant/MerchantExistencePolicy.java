package com.marketplaceledger.command.merchant;

import com.marketplaceledger.command.RuleViolation;
import com.marketplaceledger.command.directory.Directory;
import com.marketplaceledger.shared.MerchantCommand;
import com.marketplaceledger.shared.merchant.RegisterMerchant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * No events for an unknown merchant, and no second merchant with the same id. Runs inside each
 * command's transaction, before its handler.
 */
@Component
class MerchantExistencePolicy implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Directory directory;

    MerchantExistencePolicy(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        if (command instanceof RegisterMerchant register) {
            if (directory.merchantExists(register.merchantId())) {
                throw RuleViolation.conflict("merchant-already-registered", "merchantId",
                        "merchant " + register.merchantId() + " is already registered");
            }
        } else if (command instanceof MerchantCommand merchantCommand && !directory.merchantExists(merchantCommand.merchantId())) {
            throw RuleViolation.notFound("unknown-merchant", "merchantId",
                    "merchant " + merchantCommand.merchantId() + " is not registered");
        }
        return chain.proceed();
    }
}
