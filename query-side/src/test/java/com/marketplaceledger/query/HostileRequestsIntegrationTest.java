package com.marketplaceledger.query;

import com.marketplaceledger.axon.web.HostileRequestContract;
import com.marketplaceledger.axon.web.HostileRequests;
import com.marketplaceledger.query.support.QuerySideIntegrationTest;
import com.marketplaceledger.query.support.TestTokens;

/** The regulator and auditor API answers hostile requests as the ledger's problems. */
class HostileRequestsIntegrationTest extends QuerySideIntegrationTest implements HostileRequestContract {

    @Override
    public int port() {
        return port;
    }

    /** A case opening, empty: refused by validation if it ever reached the controller. */
    @Override
    public String requestReachingSpringMvc(String contentType) {
        return HostileRequests.request("POST /cases HTTP/1.1", "Authorization: Bearer " + TestTokens.officer()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 2\r\n") + "{}";
    }
}
