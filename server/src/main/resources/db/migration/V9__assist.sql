-- assist: consented remote-assistance sessions on a ticket (state machine in AssistState). The ticket number and the
-- two names are kept as they were when the session was requested, so lists need no joins.
create table assist_sessions (
    id               uuid primary key,
    ticket_id        uuid not null references tickets (id),
    ticket_number    bigint not null,
    agent_id         uuid not null references users (id),
    agent_name       text not null,
    customer_id      uuid not null references users (id),
    customer_name    text not null,
    state            text not null check (state in ('REQUESTED', 'CONSENTED', 'ACTIVE', 'ENDED', 'DECLINED',
                                                    'EXPIRED', 'REVOKED', 'FAILED')),
    requested_scopes text[] not null,
    granted_scopes   text[] not null default '{}',
    reason           text not null,
    created_at       timestamptz not null,
    -- REQUESTED: the request lapses then; CONSENTED, ACTIVE: the consent does.
    expires_at       timestamptz not null,
    shown_at         timestamptz,
    consented_at     timestamptz,
    ended_at         timestamptz,
    ended_by         uuid references users (id),
    ended_by_name    text,
    ended_by_role    text,
    end_reason       text
);

-- At most one live session per ticket.
create unique index assist_sessions_live_ticket_idx on assist_sessions (ticket_id)
    where state in ('REQUESTED', 'CONSENTED', 'ACTIVE');
create index assist_sessions_ticket_idx on assist_sessions (ticket_id, created_at desc);
-- What the expiry claimer scans: live sessions by due time.
create index assist_sessions_due_idx on assist_sessions (expires_at)
    where state in ('REQUESTED', 'CONSENTED', 'ACTIVE');
