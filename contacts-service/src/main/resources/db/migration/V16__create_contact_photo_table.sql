-- A contact's photo (issue 4): scaled down on the way in and kept with a small thumbnail for lists; one per
-- contact. The bytes live in their own table, so that reading cards and lists never drags them along.
create table contact_photo
(
    tenant_id        uuid                     not null,
    contact_id       uuid                     not null references contact (id),
    -- a short hash of the stored image: the ETag, and the token web pages put in its address
    version          varchar(32)              not null,
    media_type       varchar(20)              not null,
    data             bytea                    not null,
    width            int                      not null,
    height           int                      not null,
    thumb_media_type varchar(20)              not null,
    thumb            bytea                    not null,
    updated_by       uuid,
    updated_at       timestamp with time zone not null,
    primary key (tenant_id, contact_id)
);
-- JPEG and PNG are compressed already: PostgreSQL need not try again
alter table contact_photo alter column data set storage external, alter column thumb set storage external;

-- The card knows which photo it shows (null: none): the card and the list read it without the bytes, and the
-- change history keeps it with the card's other fields.
alter table contact add column photo_version varchar(32);
alter table contact_aud add column photo_version varchar(32);
