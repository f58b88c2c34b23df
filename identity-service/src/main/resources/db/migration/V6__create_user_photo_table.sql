-- A user's photo, uploaded by themselves and scaled down on the way in; colleagues of the same company see it.
create table user_photo
(
    user_id    uuid                     not null primary key references app_user (id),
    tenant_id  uuid                     not null references tenant (id),
    media_type varchar(20)              not null,
    data       bytea                    not null,
    updated_at timestamp with time zone not null
);

-- the photo was a web address the user typed; now it is uploaded, and the user row knows only when
alter table app_user
    drop column photo_url,
    add column photo_updated_at timestamp with time zone;
