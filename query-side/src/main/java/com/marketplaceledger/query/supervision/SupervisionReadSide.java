package com.marketplaceledger.query.supervision;

import com.marketplaceledger.axon.web.QueryRefused;
import com.marketplaceledger.query.consistency.ReadModelPositions;
import com.marketplaceledger.query.genealogy.Genealogy;
import com.marketplaceledger.query.genealogy.Merchants;
import com.marketplaceledger.query.operations.ReadModelRebuilds;
import com.marketplaceledger.supervision.readside.BusinessDirectory;
import com.marketplaceledger.supervision.readside.ReadModelProgress;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/** The query side's read models as the supervision module's ports. */
@Component
class SupervisionReadSide implements BusinessDirectory, ReadModelProgress {

    private final Merchants merchants;
    private final Genealogy genealogy;
    private final ReadModelPositions positions;
    private final ReadModelRebuilds rebuilds;

    SupervisionReadSide(Merchants merchants, Genealogy genealogy, ReadModelPositions positions, ReadModelRebuilds rebuilds) {
        this.merchants = merchants;
        this.genealogy = genealogy;
        this.positions = positions;
        this.rebuilds = rebuilds;
    }

    @Override
    public RegisteredMerchant requireMerchant(String merchantId) {
        return merchant(merchantId).orElseThrow(() -> QueryRefused.notFound("merchant", merchantId));
    }

    @Override
    public Optional<RegisteredMerchant> merchant(String merchantId) {
        return merchants.find(merchantId).map(m -> new RegisteredMerchant(m.merchantId(), m.licenceNumber(), m.jurisdiction()));
    }

    @Override
    public void requireDistributor(String merchantId, String distributorId, LocalDate asOf) {
        genealogy.requireNode(merchantId, distributorId, asOf);
    }

    @Override
    public boolean allHaveProcessed(long position) {
        return positions.allHaveProcessed(position);
    }

    @Override
    public boolean hasProcessed(String readModel, long position) {
        return positions.hasProcessed(readModel, position);
    }

    @Override
    public boolean rebuilding() {
        return !rebuilds.replaying().isEmpty();
    }
}
