--liquibase formatted sql

--changeset kontor:0022-booking-partition-booked
--comment: TX-7 the payments list: a partition's bookings by time, newest first, read by key (booked_at, id); the booking type rides along so the type filter is checked in the index before a row is read
CREATE INDEX ix_booking_partition_booked ON booking (partition_key, booked_at, id, booking_type);
