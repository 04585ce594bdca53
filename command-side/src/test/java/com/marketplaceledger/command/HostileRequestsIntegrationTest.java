package com.marketplaceledger.command;

import com.marketplaceledger.axon.web.HostileRequestContract;
import com.marketplaceledger.command.support.LedgerApiTestBase;

/** The merchant API answers hostile requests as the ledger's problems. */
class HostileRequestsIntegrationTest extends LedgerApiTestBase implements HostileRequestContract {

    @Override
    public int port() {
        return port;
    }
}
