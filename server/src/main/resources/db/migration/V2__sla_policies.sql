-- sla: the targets each priority is held to. Defaults from the support teams this product is for.
create table sla_policies (
    priority       text primary key check (priority in ('P1', 'P2', 'P3', 'P4')),
    first_response interval not null,
    next_response  interval,
    resolution     interval not null,
    warn_before    interval not null,
    calendar       text not null default '24x7'
);

insert into sla_policies (priority, first_response, next_response, resolution, warn_before) values
    ('P1', interval '15 minutes', interval '30 minutes', interval '4 hours',  interval '225 seconds'),
    ('P2', interval '1 hour',     interval '2 hours',    interval '8 hours',  interval '15 minutes'),
    ('P3', interval '4 hours',    interval '8 hours',    interval '24 hours', interval '1 hour'),
    ('P4', interval '8 hours',    interval '16 hours',   interval '72 hours', interval '2 hours');
