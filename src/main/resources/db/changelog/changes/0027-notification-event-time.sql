--liquibase formatted sql

--changeset kontor:0027-notification-event-time
--comment: PLAT-6 the provider's own time of a notification (Adyen eventDate, PAYONE txtime, the simulator's decision), so that one payment's notifications are booked in the provider's order: the AUTO_INCREMENT id interleaves across Galera nodes and says nothing about that order
ALTER TABLE provider_notification ADD COLUMN event_at DATETIME(6) NULL AFTER sequence_number;
