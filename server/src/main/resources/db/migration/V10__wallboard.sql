-- agent_status: what an agent says they are doing (PUT /api/agents/me/status). Presence (a live STOMP session) is
-- not stored: an agent without one shows OFFLINE whatever this says.
create table agent_status (
    user_id    uuid primary key references users (id),
    status     text not null check (status in ('AVAILABLE', 'BUSY', 'AWAY', 'OFFLINE')),
    changed_at timestamptz not null
);

-- surveys: one satisfaction answer per ticket, replaceable for a while after it was first given.
create table surveys (
    ticket_id          uuid primary key references tickets (id),
    customer_id        uuid not null references users (id),
    csat               integer not null check (csat between 1 and 5),
    nps                integer check (nps between 0 and 10),
    comment            text,
    first_submitted_at timestamptz not null,
    submitted_at       timestamptz not null
);
