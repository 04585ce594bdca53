package com.marketplaceledger.command;

import com.marketplaceledger.axon.web.HostileRequestContract;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.TestTokens;

/** The merchant API answers hostile requests as the ledger's problems. */
class HostileRequestsIntegrationTest extends LedgerApiTestBase implements HostileRequestContract {

    /** An empty merchant registration, refused by validation should it ever reach the command handler. */
    @Override
    public Service service() {
        return new Service(port, "/merchants", TestTokens.merchant(newMerchantId("M-hostile")));
    }
}
