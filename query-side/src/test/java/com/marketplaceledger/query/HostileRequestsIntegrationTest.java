package com.marketplaceledger.query;

import com.marketplaceledger.axon.web.HostileRequestContract;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;

/** The regulator and auditor API answers hostile requests as the ledger's problems. */
class HostileRequestsIntegrationTest extends QuerySideIntegrationTest implements HostileRequestContract {

    /** An empty case opening, refused by validation should it ever reach the controller. */
    @Override
    public Service service() {
        return new Service(port, "/cases", TestTokens.officer());
    }
}
