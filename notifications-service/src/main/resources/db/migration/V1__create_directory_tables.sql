-- Whom notifications-service writes to, from identity's events: the company's users with their e-mail, names and
-- work phone (user.activated, user.updated, user.deactivated), the companies' names (tenant.created, for the
-- invitation's subject) and the language an invitation was written in (user.invited), which becomes the invitee's
-- default language once they activate.
create table person
(
    id         uuid                     not null primary key,
    tenant_id  uuid                     not null check (tenant_id <> '00000000-0000-0000-0000-000000000000'),
    email      varchar(320),
    first_name varchar(100),
    last_name  varchar(100),
    work_phone varchar(40),
    language   varchar(2),
    active     boolean                  not null,
    changed_at timestamp with time zone not null
);
create index person_tenant_idx on person (tenant_id);

create table tenant
(
    id   uuid         not null primary key,
    name varchar(200) not null
);

create table invitation_language
(
    tenant_id  uuid                     not null,
    email      varchar(320)             not null,
    language   varchar(2)               not null,
    invited_at timestamp with time zone not null,
    primary key (tenant_id, email)
);
