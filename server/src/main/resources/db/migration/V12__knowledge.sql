-- Intake: what the new-ticket form collected ({module, version, environment, steps, faultType}).
alter table tickets add column intake jsonb;

-- Knowledge base. terms: the article's search terms (English stems, CJK character bigrams), see knowledge.Terms.
create table kb_articles (
    id           uuid primary key,
    title        text not null,
    module       text,
    fault_type   text,
    symptoms     text not null default '',
    cause        text not null default '',
    solution     text not null default '',
    status       text not null check (status in ('DRAFT', 'PUBLISHED')),
    author_id    uuid not null references users (id),
    editor_id    uuid not null references users (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    published_at timestamptz,
    version      bigint not null default 1,
    terms        text[] not null default '{}'
);
create index kb_articles_terms_idx on kb_articles using gin (terms);

-- The same terms for every ticket's subject and description: similar tickets.
create table ticket_terms (
    ticket_id uuid primary key references tickets (id),
    terms     text[] not null
);
create index ticket_terms_terms_idx on ticket_terms using gin (terms);

-- The article an agent used on a ticket (KB adoption).
create table kb_links (
    ticket_id  uuid not null references tickets (id),
    article_id uuid not null references kb_articles (id),
    linked_by  uuid not null references users (id),
    linked_at  timestamptz not null,
    primary key (ticket_id, article_id)
);
create index kb_links_article_idx on kb_links (article_id, linked_at desc);

-- Knowledge loop: a ticket solved without a linked article asks its solver for an article within 48 hours.
create table kb_tasks (
    id          uuid primary key,
    ticket_id   uuid not null unique references tickets (id),
    assignee_id uuid not null references users (id),
    created_at  timestamptz not null,
    due_at      timestamptz not null,
    done_at     timestamptz,
    article_id  uuid references kb_articles (id)
);
create index kb_tasks_open_idx on kb_tasks (assignee_id, due_at) where done_at is null;

-- Self-service: a customer who found the answer in an article instead of opening a ticket.
create table kb_deflections (
    id          uuid primary key,
    article_id  uuid not null references kb_articles (id),
    customer_id uuid not null references users (id),
    query       text,
    at          timestamptz not null
);
create index kb_deflections_at_idx on kb_deflections (at);
