-- identity: the people who use Lifeline.
create table users (
    id            uuid primary key,
    username      text not null unique check (username ~ '^[a-z0-9._-]{2,64}$'),
    display_name  text not null check (length(display_name) between 1 and 120),
    role          text not null check (role in ('AGENT', 'SUPERVISOR', 'CUSTOMER')),
    password_hash text not null,
    created_at    timestamptz not null
);
