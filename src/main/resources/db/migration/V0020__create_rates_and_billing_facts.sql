-- What texts and letters cost, by date (Notify's rates and letter_rates). Times are naive UTC: a rate that starts on
-- a London day starts at that day's London midnight (1 April in BST is 31 March 23:00 UTC).
CREATE TABLE rates (
    id                uuid PRIMARY KEY,
    valid_from        timestamp   NOT NULL,
    rate              numeric     NOT NULL CHECK (rate > 0),
    notification_type varchar(10) NOT NULL CHECK (notification_type IN ('sms', 'email', 'letter')),
    created_at        timestamp   NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    CONSTRAINT uq_rates_type_valid_from UNIQUE (notification_type, valid_from)
);

-- Notify's published SMS rates per fragment (its migrations 0075 to 0547).
INSERT INTO rates (id, valid_from, rate, notification_type)
SELECT gen_random_uuid(), v.valid_from, v.rate, 'sms'
FROM (VALUES ('2016-05-18 00:00'::timestamp, 0.0165), ('2017-03-31 23:00', 0.0158), ('2021-03-31 23:00', 0.0160),
             ('2022-03-31 23:00', 0.0161), ('2022-04-30 23:00', 0.0172), ('2023-03-31 23:00', 0.0197),
             ('2024-03-31 23:00', 0.0227), ('2025-03-31 23:00', 0.0233), ('2026-03-31 23:00', 0.024))
     AS v (valid_from, rate);

-- A letter's price by double-sided sheets (1 to 5), postage and crown status; end_date is null for today's rates.
CREATE TABLE letter_rates (
    id          uuid PRIMARY KEY,
    start_date  timestamp    NOT NULL,
    end_date    timestamp,
    sheet_count integer      NOT NULL CHECK (sheet_count > 0),
    rate        numeric      NOT NULL CHECK (rate > 0),
    crown       boolean      NOT NULL,
    post_class  varchar(255) NOT NULL,
    created_at  timestamp    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    CHECK (end_date IS NULL OR end_date > start_date)
);
CREATE INDEX ix_letter_rates_lookup ON letter_rates (post_class, sheet_count, crown, start_date);

-- Notify's published letter rates since October 2019 (its migrations 0306 to 0552); crown and non-crown alike.
INSERT INTO letter_rates (id, start_date, end_date, sheet_count, rate, crown, post_class)
SELECT gen_random_uuid(), periods.start_date, periods.end_date, s.sheet_count, periods.rates[s.sheet_count], c.crown,
       classes.post_class
FROM (VALUES
        ('2019-09-30 23:00'::timestamp, '2021-02-01 00:00'::timestamp, 'second', '{0.35,0.40,0.45,0.50,0.55}'::numeric[]),
        ('2021-02-01 00:00', '2022-03-01 00:00', 'second', '{0.39,0.44,0.49,0.54,0.59}'),
        ('2022-03-01 00:00', '2023-01-23 00:00', 'second', '{0.41,0.46,0.51,0.56,0.61}'),
        ('2023-01-23 00:00', '2023-11-01 00:00', 'second', '{0.47,0.52,0.57,0.62,0.67}'),
        ('2023-11-01 00:00', '2024-06-30 23:00', 'second', '{0.54,0.59,0.63,0.68,0.73}'),
        ('2024-06-30 23:00', '2025-03-31 23:00', 'second', '{0.61,0.65,0.68,0.75,0.79}'),
        ('2025-03-31 23:00', '2026-01-05 00:00', 'second', '{0.68,0.72,0.77,0.82,0.86}'),
        ('2026-01-05 00:00', NULL,               'second', '{0.73,0.77,0.82,0.87,0.91}'),
        ('2019-09-30 23:00', '2021-02-01 00:00', 'first', '{0.61,0.66,0.71,0.76,0.81}'),
        ('2021-02-01 00:00', '2022-03-01 00:00', 'first', '{0.69,0.74,0.79,0.84,0.89}'),
        ('2022-03-01 00:00', '2023-01-23 00:00', 'first', '{0.63,0.68,0.73,0.78,0.83}'),
        ('2023-01-23 00:00', '2023-11-01 00:00', 'first', '{0.72,0.77,0.82,0.87,0.92}'),
        ('2023-11-01 00:00', '2024-06-30 23:00', 'first', '{0.82,0.86,0.90,0.96,1.00}'),
        ('2024-06-30 23:00', '2025-03-31 23:00', 'first', '{0.97,1.01,1.05,1.11,1.15}'),
        ('2025-03-31 23:00', '2026-04-06 23:00', 'first', '{1.49,1.53,1.57,1.63,1.67}'),
        ('2026-04-06 23:00', NULL,               'first', '{1.56,1.61,1.66,1.71,1.76}'),
        ('2025-03-31 23:00', '2026-01-05 00:00', 'economy', '{0.59,0.64,0.68,0.73,0.78}'),
        ('2026-01-05 00:00', '2026-06-30 23:00', 'economy', '{0.64,0.69,0.73,0.78,0.82}'),
        ('2026-06-30 23:00', NULL,               'economy', '{0.638,0.684,0.724,0.779,0.823}'),
        ('2020-07-01 00:00', '2021-02-01 00:00', 'international', '{0.84,0.92,1.00,1.08,1.16}'),
        ('2021-02-01 00:00', '2022-03-01 00:00', 'international', '{0.89,0.97,1.05,1.13,1.21}'),
        ('2022-03-01 00:00', '2023-01-23 00:00', 'international', '{0.96,1.04,1.12,1.20,1.28}'),
        ('2023-01-23 00:00', '2023-11-01 00:00', 'international', '{1.05,1.13,1.21,1.29,1.37}'),
        ('2023-11-01 00:00', '2024-01-02 00:00', 'international', '{1.26,1.31,1.35,1.40,1.45}'),
        ('2024-01-02 00:00', '2025-02-06 00:00', 'international', '{1.44,1.49,1.53,1.58,1.63}'),
        ('2025-02-06 00:00', '2026-01-05 00:00', 'international', '{1.56,1.61,1.66,1.71,1.76}'),
        ('2026-01-05 00:00', '2026-05-02 23:00', 'international', '{1.72,1.77,1.82,1.85,1.90}'),
        ('2026-05-02 23:00', NULL,               'international', '{1.80,1.84,1.88,1.92,1.96}'))
     AS periods (start_date, end_date, zone, rates)
CROSS JOIN LATERAL (SELECT unnest(CASE WHEN periods.zone = 'international' THEN ARRAY['europe', 'rest-of-world']
                                       ELSE ARRAY[periods.zone] END) AS post_class) AS classes
CROSS JOIN generate_series(1, 5) AS s (sheet_count)
CROSS JOIN (VALUES (true), (false)) AS c (crown);

-- Notify's default free SMS allowance per organisation type, from a financial year on (its migrations 0409, 0440,
-- 0547, 0559); a service without an organisation type gets 'other'.
CREATE TABLE default_annual_allowance (
    id                              uuid PRIMARY KEY,
    valid_from_financial_year_start integer      NOT NULL,
    organisation_type               varchar(255) NOT NULL,
    allowance                       integer      NOT NULL CHECK (allowance >= 0),
    notification_type               varchar(10)  NOT NULL CHECK (notification_type IN ('sms', 'email', 'letter')),
    CONSTRAINT uq_default_annual_allowance UNIQUE (organisation_type, notification_type, valid_from_financial_year_start)
);

INSERT INTO default_annual_allowance (id, valid_from_financial_year_start, organisation_type, allowance,
                                      notification_type)
SELECT gen_random_uuid(), a.year, a.organisation_type, a.allowance, 'sms'
FROM (VALUES ('central', 2016, 250000), ('central', 2021, 150000), ('central', 2022, 40000),
             ('central', 2024, 30000), ('central', 2026, 20000),
             ('nhs_central', 2016, 250000), ('nhs_central', 2021, 150000), ('nhs_central', 2022, 40000),
             ('nhs_central', 2024, 30000), ('nhs_central', 2026, 20000),
             ('local', 2016, 25000), ('local', 2022, 20000), ('local', 2024, 10000),
             ('nhs_local', 2016, 25000), ('nhs_local', 2022, 20000), ('nhs_local', 2024, 10000),
             ('emergency_service', 2016, 25000), ('emergency_service', 2022, 20000),
             ('emergency_service', 2024, 10000),
             ('nhs_gp', 2016, 25000), ('nhs_gp', 2021, 10000), ('nhs_gp', 2024, 0),
             ('school_or_college', 2016, 25000), ('school_or_college', 2021, 10000),
             ('school_or_college', 2024, 5000),
             ('other', 2016, 25000), ('other', 2021, 10000), ('other', 2024, 5000),
             ('nhs_notify', 2016, 0))
     AS a (organisation_type, year, allowance);

-- Each service's free SMS fragments per financial year (April to March, London).
CREATE TABLE annual_billing (
    id                            uuid PRIMARY KEY,
    service_id                    uuid      NOT NULL REFERENCES services (id),
    financial_year_start          integer   NOT NULL,
    free_sms_fragment_limit       integer   NOT NULL CHECK (free_sms_fragment_limit >= 0),
    high_volume_service_last_year boolean   NOT NULL DEFAULT false,
    has_custom_allowance          boolean   NOT NULL DEFAULT false,
    created_at                    timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at                    timestamp,
    CONSTRAINT uix_service_id_financial_year_start UNIQUE (service_id, financial_year_start)
);

-- What was sent and what it cost, per London day: rebuilt from notifications and their history (billing/).
CREATE TABLE ft_billing (
    bst_date           date        NOT NULL,
    template_id        uuid        NOT NULL,
    service_id         uuid        NOT NULL,
    notification_type  varchar(10) NOT NULL,
    provider           text        NOT NULL,
    rate_multiplier    integer     NOT NULL,
    international      boolean     NOT NULL,
    rate               numeric     NOT NULL,
    postage            varchar(255) NOT NULL,
    billable_units     integer,
    notifications_sent integer,
    created_at         timestamp   NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    updated_at         timestamp,
    CONSTRAINT ft_billing_pkey PRIMARY KEY (bst_date, template_id, service_id, notification_type, provider,
                                            rate_multiplier, international, rate, postage)
);
CREATE INDEX ix_ft_billing_service_id_bst_date ON ft_billing (service_id, bst_date);
-- Rebuilding a day reads both tables by creation time.
CREATE INDEX ix_notification_history_created_at ON notification_history (created_at);
