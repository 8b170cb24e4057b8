-- realtime: the all-tickets stream is written by a relay after the fact, so ticket writers do not queue on one row.
-- Per-ticket events that belong in it are marked pending; the relay copies them over in id order, in batches,
-- with consecutive seqs, and clears the mark in the same transaction.
alter table events add column id bigint generated always as identity;
alter table events add column relay_pending boolean not null default false;
create index events_relay_pending_idx on events (id) where relay_pending;
