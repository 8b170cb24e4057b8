-- sla: the engine. Business-hours calendars, escalation per policy, the clocks stored with each ticket (tickets.sla,
-- written by the sla feature through TicketService), the deadlines alerts fire from, and P1 incidents.

create table sla_calendars (
    id        text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$' and id <> '24x7'),
    name      text not null,
    time_zone text not null,
    hours     jsonb not null,
    holidays  date[] not null default '{}'
);

alter table sla_policies
    add column notify_supervisors boolean not null default true,
    add column reassign_group     text;

-- Named groups the engine alerts or reassigns to: 'on-call' hears of every new P1, 'tier2' takes breached tickets.
create table escalation_groups (
    name       text primary key check (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    member_ids uuid[] not null default '{}'
);
insert into escalation_groups (name) values ('on-call'), ('tier2');

-- The clocks as data: tickets.sla is the SlaClocks JSON; sla_next_due_at the soonest running due time (sorting).
alter table tickets
    add column sla             jsonb,
    add column sla_next_due_at timestamptz;

set local intervalstyle = 'iso_8601';
create function pg_temp.iso(at timestamptz) returns text language sql immutable
    as $$ select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;
update tickets t set sla = jsonb_build_object(
        'policy', t.priority,
        'calendar', '24x7',
        'clocks', jsonb_build_array(
            jsonb_build_object('clock', 'firstResponse', 'target', p.first_response::text,
                'consumed', case when t.first_responded_at is null then 'PT0S'
                                 else (t.first_responded_at - t.created_at)::text end,
                'runningSince', case when t.first_responded_at is null and t.solved_at is null then pg_temp.iso(t.created_at) end,
                'dueAt', case when t.first_responded_at is null and t.solved_at is null then pg_temp.iso(t.first_response_due_at) end,
                'warnAt', case when t.first_responded_at is null and t.solved_at is null
                               then pg_temp.iso(t.first_response_due_at - t.sla_warn_before) end,
                'metAt', pg_temp.iso(t.first_responded_at), 'paused', false, 'cycle', 0),
            jsonb_build_object('clock', 'resolution', 'target', p.resolution::text,
                'consumed', case when t.solved_at is null then 'PT0S' else (t.solved_at - t.created_at)::text end,
                'runningSince', case when t.solved_at is null then pg_temp.iso(t.created_at) end,
                'dueAt', case when t.solved_at is null then pg_temp.iso(t.resolution_due_at) end,
                'warnAt', case when t.solved_at is null then pg_temp.iso(t.resolution_due_at - t.sla_warn_before) end,
                'metAt', pg_temp.iso(t.solved_at), 'paused', false, 'cycle', 0))),
    sla_next_due_at = case when t.solved_at is null
                           then least(case when t.first_responded_at is null then t.first_response_due_at end,
                                      t.resolution_due_at) end
from sla_policies p
where p.priority = t.priority;

alter table tickets
    alter column sla set not null,
    drop column first_response_due_at,
    drop column resolution_due_at,
    drop column sla_warn_before;

create index tickets_sla_due_idx on tickets (sla_next_due_at, number desc) where sla_next_due_at is not null;

-- One row per started clock. A running clock has due_at (and warn_at unless it only escalates); warned and breached
-- say which alerts of the current cycle have fired. Firing claims rows with FOR UPDATE SKIP LOCKED against the
-- database's clock and records the alert's events in the same transaction: exactly once across nodes.
create table sla_deadlines (
    id           bigint generated always as identity primary key,
    ticket_id    uuid not null references tickets (id),
    clock        text not null check (clock in ('firstResponse', 'nextResponse', 'resolution', 'acknowledge')),
    cycle        int not null,
    warn_at      timestamptz,
    due_at       timestamptz,
    warned       boolean not null,
    breached     boolean not null,
    next_fire_at timestamptz generated always as (
        case when due_at is null then null
             when not warned and warn_at is not null then least(warn_at, due_at)
             when not breached then due_at
        end) stored,
    unique (ticket_id, clock)
);

create index sla_deadlines_fire_idx on sla_deadlines (next_fire_at) where next_fire_at is not null;

insert into sla_deadlines (ticket_id, clock, cycle, warn_at, due_at, warned, breached)
select t.id, c->>'clock', 0, (c->>'warnAt')::timestamptz, (c->>'dueAt')::timestamptz,
       coalesce((c->>'warnAt')::timestamptz < now(), false), (c->>'dueAt')::timestamptz < now()
from tickets t, jsonb_array_elements(t.sla->'clocks') c
where c->>'dueAt' is not null;

-- The P1 war room: every P1 opens an incident; joining it acknowledges the P1 (the ticket's acknowledge clock).
create table incidents (
    ticket_id uuid primary key references tickets (id),
    opened_at timestamptz not null
);

create table incident_participants (
    ticket_id uuid not null references incidents (ticket_id),
    user_id   uuid not null references users (id),
    joined_at timestamptz not null,
    primary key (ticket_id, user_id)
);
