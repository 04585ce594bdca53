-- Accounts: every money movement of the ledger as entries of the parties it concerns (a
-- distributor, or the merchant itself as party '#merchant', which no distributor id can be),
-- rolled up per party and business day, and per merchant network and day. Account figures, now,
-- as of a day or per calendar month, sum a party's daily rows; they never scan its entries.

-- What a refund needs to know about its sale: who sold and who bought.
CREATE TABLE account_sale (
    merchant_id  VARCHAR(64) NOT NULL,
    sale_id      VARCHAR(64) NOT NULL,
    seller_id    VARCHAR(64) NOT NULL,
    buyer_id     VARCHAR(64),
    listing_kind VARCHAR(32) NOT NULL,
    currency     CHAR(3)     NOT NULL,
    PRIMARY KEY (merchant_id, sale_id)
);

-- Amounts are positive minor units; the kind says whether the party received or paid them.
-- Keyed by the event's identifier and the entry's line in it, so a redelivered event adds
-- nothing. (Not by global position: a token does not carry the position of an event that was
-- committed late and filled a gap.)
CREATE TABLE account_entry (
    event_id       VARCHAR(255) NOT NULL,
    line           SMALLINT    NOT NULL,
    merchant_id    VARCHAR(64) NOT NULL,
    party_id       VARCHAR(64) NOT NULL,
    kind           VARCHAR(40) NOT NULL,
    currency       CHAR(3)     NOT NULL,
    amount         BIGINT      NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    day            DATE        NOT NULL,
    counterparty   VARCHAR(64),
    source_id      TEXT        NOT NULL,
    listing_kind   VARCHAR(32),
    PRIMARY KEY (event_id, line)
);

CREATE INDEX account_entry_by_party ON account_entry (merchant_id, party_id, occurred_at);

CREATE TABLE account_day (
    merchant_id VARCHAR(64) NOT NULL,
    party_id    VARCHAR(64) NOT NULL,
    day         DATE        NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    currency    CHAR(3)     NOT NULL,
    amount      BIGINT      NOT NULL,
    entries     BIGINT      NOT NULL,
    PRIMARY KEY (merchant_id, party_id, day, kind, currency)
);

CREATE TABLE network_account_day (
    merchant_id VARCHAR(64) NOT NULL,
    day         DATE        NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    currency    CHAR(3)     NOT NULL,
    amount      BIGINT      NOT NULL,
    entries     BIGINT      NOT NULL,
    PRIMARY KEY (merchant_id, day, kind, currency)
);
