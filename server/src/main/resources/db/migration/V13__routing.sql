-- Triage: keyword rules that tag a new ticket and set its module and fault type. A rule matches when the subject
-- or description contains any of its keywords (case-insensitive substring, so Chinese needs no word breaks).
create table triage_rules (
    position   int primary key,
    keywords   text[] not null,
    tags       text[] not null default '{}',
    module     text,
    fault_type text
);

insert into triage_rules (position, keywords, tags, module, fault_type) values
    (1, '{login,log in,sign in,password,登录,登陆,密码}', '{login}', 'accounts', 'login'),
    (2, '{crash,crashes,closes the app,闪退,崩溃}', '{crash}', 'mobile', 'crash'),
    (3, '{sync,同步}', '{sync}', 'drawings', 'sync'),
    (4, '{export,pdf,导出}', '{export}', 'scheduling', 'export'),
    (5, '{outage,down for all,无法访问,宕机}', '{outage}', null, 'outage');

-- Agent profiles for routing: skills (product modules, fault types, tags), tier (2: experts), how many open tickets
-- at most. last_assigned_at breaks ties round robin.
create table agent_profiles (
    user_id          uuid primary key references users (id),
    skills           text[] not null default '{}',
    tier             int not null default 1 check (tier in (1, 2)),
    capacity         int not null default 5 check (capacity between 0 and 200),
    updated_at       timestamptz not null,
    last_assigned_at timestamptz
);

