package com.marketplaceledger.supervision.readside;

import java.time.LocalDate;
import java.util.Optional;

/** Who is registered: the merchants and distributors that supervision's answers are about. */
public interface BusinessDirectory {

    /** The merchant's registration, or a 404 refusal when the ledger has none. */
    RegisteredMerchant requireMerchant(String merchantId);

    /** The merchant's registration, if the ledger has one. */
    Optional<RegisteredMerchant> merchant(String merchantId);

    /** Refuses (404) a distributor not enrolled at the merchant by the end of {@code asOf} (null: ever). */
    void requireDistributor(String merchantId, String distributorId, LocalDate asOf);

    /** @param jurisdiction as registered (CN, US, ...) */
    record RegisteredMerchant(String merchantId, String licenceNumber, String jurisdiction) {
    }
}
