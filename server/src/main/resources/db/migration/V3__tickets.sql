-- tickets: the work. Status changes follow TicketStatus; version is the optimistic lock behind If-Match.
create table tickets (
    id                    uuid primary key,
    number                bigint generated always as identity (start with 1001) unique,
    subject               text not null,
    description           text not null,
    status                text not null check (status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED')),
    priority              text not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    customer_id           uuid not null references users (id),
    assignee_id           uuid references users (id),
    tags                  text[] not null default '{}',
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint not null default 1,
    first_responded_at    timestamptz,
    solved_at             timestamptz,
    first_response_due_at timestamptz,
    resolution_due_at     timestamptz,
    sla_warn_before       interval not null
);

create index tickets_customer_idx on tickets (customer_id, number desc);
create index tickets_assignee_idx on tickets (assignee_id, number desc);
create index tickets_status_idx on tickets (status, number desc);
