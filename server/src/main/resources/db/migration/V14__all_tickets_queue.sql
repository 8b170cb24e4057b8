-- realtime: the ticket events waiting for the all-tickets relay are queued by key in a narrow table of their own.
-- Relaying one deletes a small row, where clearing a mark rewrote the whole event (and a partial index on it), and
-- an event row keeps one index, its primary key.
create table all_tickets_queue (
    id     bigint generated always as identity primary key,
    stream text   not null,
    seq    bigint not null
);
-- Every row is deleted within moments of its insert: vacuum after a fixed number of dead rows, not a share of a
-- table that is almost always empty.
alter table all_tickets_queue set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);

insert into all_tickets_queue (stream, seq)
select stream, seq from events where relay_pending order by id;

drop index events_relay_pending_idx;
alter table events drop column relay_pending;
alter table events drop column id;

-- Nothing reads events by ticket_id: a ticket's events are its own stream, read by the primary key.
drop index events_ticket_idx;

-- A relay copies the queued events of the tickets its node just wrote to, oldest first.
create index all_tickets_queue_stream_idx on all_tickets_queue (stream, id);
