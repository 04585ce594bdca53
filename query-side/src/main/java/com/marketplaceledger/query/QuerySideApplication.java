package com.marketplaceledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The read side for regulators and auditors: follows the event stream and keeps read models. The
 * supervision module (detection, rule governance, alerts, cases) is assembled into it.
 */
@SpringBootApplication(scanBasePackages = {
        "com.marketplaceledger.query", "com.marketplaceledger.supervision", "com.marketplaceledger.axon.readmodel"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
