package com.marketplaceledger.query;

import com.marketplaceledger.axon.web.HostileRequestContract;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;

/** The regulator and auditor API answers hostile requests as the ledger's problems. */
class HostileRequestsIntegrationTest extends QuerySideIntegrationTest implements HostileRequestContract {

    @Override
    public int port() {
        return port;
    }
}
