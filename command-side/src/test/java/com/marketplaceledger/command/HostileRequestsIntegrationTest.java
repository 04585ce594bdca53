package com.marketplaceledger.command;

import com.marketplaceledger.axon.web.HostileRequestContract;
import com.marketplaceledger.axon.web.HostileRequests;
import com.marketplaceledger.command.support.LedgerApiTestBase;
import com.marketplaceledger.command.support.TestTokens;

/** The merchant API answers hostile requests as the ledger's problems. */
class HostileRequestsIntegrationTest extends LedgerApiTestBase implements HostileRequestContract {

    @Override
    public int port() {
        return port;
    }

    /** A merchant's registration, empty: refused by validation if it ever reached the command handler. */
    @Override
    public String requestReachingSpringMvc(String contentType) {
        return HostileRequests.request("POST /merchants HTTP/1.1", "Authorization: Bearer "
                + TestTokens.merchant(newMerchantId("M-hostile")) + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: 2\r\n") + "{}";
    }
}
