package com.marketplaceledger.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketplaceledger.shared.LedgerJson;
import com.marketplaceledger.shared.referral.DistributorEnrolled;
import com.marketplaceledger.shared.sale.SaleRecorded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The JSON form of events (how they are stored and exported), with the ledger's one configured
 * mapper: a retail sale and an enrolment with a nine-distributor upline, each written to bytes and
 * read back from bytes. Scores are operations (events) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LedgerJsonBenchmark {

    private ObjectMapper json;
    private SaleRecorded sale;
    private DistributorEnrolled enrolment;
    private byte[] saleBytes;
    private byte[] enrolmentBytes;

    @Setup
    public void events() throws IOException {
        json = LedgerJson.objectMapper();
        sale = Fixtures.saleRecorded(1);
        enrolment = Fixtures.distributorEnrolled(1);
        saleBytes = json.writeValueAsBytes(sale);
        enrolmentBytes = json.writeValueAsBytes(enrolment);
        if (!json.readValue(saleBytes, SaleRecorded.class).equals(sale)
                || !json.readValue(enrolmentBytes, DistributorEnrolled.class).equals(enrolment)) {
            throw new IllegalStateException("the events do not survive a round trip");
        }
    }

    @Benchmark
    public byte[] serialiseSaleRecorded() throws IOException {
        return json.writeValueAsBytes(sale);
    }

    @Benchmark
    public SaleRecorded deserialiseSaleRecorded() throws IOException {
        return json.readValue(saleBytes, SaleRecorded.class);
    }

    @Benchmark
    public byte[] serialiseDistributorEnrolled() throws IOException {
        return json.writeValueAsBytes(enrolment);
    }

    @Benchmark
    public DistributorEnrolled deserialiseDistributorEnrolled() throws IOException {
        return json.readValue(enrolmentBytes, DistributorEnrolled.class);
    }
}
