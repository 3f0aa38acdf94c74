--liquibase formatted sql

--changeset kontor:0022-booking-partition-booked
--comment: TX-7 the payments list: a partition's bookings by time, newest first, read by key (booked_at, id); the booking type rides along so the type filter is checked in the index before a row is read, and currency, debit and credit so the sums of a month are read from the index alone (1.3-4 s -> 0.13-0.2 s for 140,000 bookings at 1,000,000 processes)
CREATE INDEX ix_booking_partition_booked ON booking (partition_key, booked_at, id, booking_type, currency, debit, credit);

--changeset kontor:0022-booking-partition-type-booked
--comment: TX-7 a filter on one rare booking type (returned debits, chargeback reversals, refunds) over a year reads that type's bookings by time instead of every booking of the year (measured 500-650 ms -> see docs/benchmarks.md)
CREATE INDEX ix_booking_partition_type_booked ON booking (partition_key, booking_type, booked_at, id, currency, debit, credit);
