-- realtime: the durable event log. One row per (stream, seq); seq strictly increases within a stream with no gaps,
-- because it is taken from event_streams under a row lock inside the writer's own transaction.
create table event_streams (
    stream   text primary key,
    last_seq bigint not null
);

create table events (
    stream    text not null,
    seq       bigint not null,
    type      text not null,
    ticket_id uuid,
    audience  text not null check (audience in ('ALL', 'AGENTS')),
    actor_id  uuid,
    at        timestamptz not null,
    data      jsonb not null,
    primary key (stream, seq)
);

create index events_ticket_idx on events (ticket_id) where ticket_id is not null;
