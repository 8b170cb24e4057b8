-- attachments: files uploaded to a ticket, then used by at most one message. The bytes live in the row (10 MiB at
-- most, enforced by the upload). message_id points at messages (V5) without a foreign key, so uploads and messages
-- can evolve apart; internal ones are never shown to customers.
create table attachments (
    id           uuid primary key,
    seq          bigint generated always as identity unique,
    ticket_id    uuid not null references tickets (id),
    uploader_id  uuid not null references users (id),
    message_id   uuid,
    internal     boolean not null default false,
    filename     text not null check (length(filename) between 1 and 200
                                      and filename !~ '[/\\[:cntrl:]]'),
    content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp',
                                                       'application/pdf', 'text/plain')),
    size         bigint not null check (size between 1 and 10485760),
    sha256       bytea not null check (length(sha256) = 32),
    data         bytea not null,
    created_at   timestamptz not null
);

create index attachments_ticket_idx on attachments (ticket_id);
create index attachments_message_idx on attachments (message_id);
