-- chat: messages on a ticket, and how far each participant has read.
create table messages (
    id                uuid primary key,
    ticket_id         uuid not null references tickets (id),
    seq               bigint not null,
    author_id         uuid not null references users (id),
    body              text not null,
    internal          boolean not null,
    client_message_id text not null,
    created_at        timestamptz not null,
    unique (ticket_id, client_message_id),
    unique (ticket_id, seq)
);

create table reads (
    ticket_id     uuid not null references tickets (id),
    user_id       uuid not null references users (id),
    last_read_seq bigint not null,
    updated_at    timestamptz not null,
    primary key (ticket_id, user_id)
);
