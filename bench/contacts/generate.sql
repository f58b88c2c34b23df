-- One million realistic contacts (Ukrainian, Russian and English names, Ukrainian mobile numbers,
-- e-mails, tags, statuses, three years of history) for one tenant, written straight into contacts-service's
-- database the way the service stores them: contact rows (with the normalised search_name and the primary
-- e-mail and phone), their contact points, and a few timeline entries for the contacts the benchmark
-- opens. Run with psql -v tenant=<uuid> -v owner=<uuid> -v rows=1000000.
\set ON_ERROR_STOP on
select setseed(0.42);

create temporary table first_names (i serial, name text);
insert into first_names (name) select unnest(array[
  'Олена','Тарас','Іван','Марія','Андрій','Оксана','Дмитро','Наталія','Сергій','Ірина','Петро','Юлія',
  'Олександр','Анна','Володимир','Катерина','Микола','Світлана','Богдан','Тетяна','Василь','Людмила',
  'Алексей','Елена','Михаил','Ольга','Николай','Татьяна','Сергей','Наталья','Olena','Taras','Ivan','Maria',
  'Andrii','Oksana','Dmytro','Iryna','John','Emma','Mykola','Sofiia','Roman','Viktoriia','Yurii','Halyna']);
-- surnames as a real client base has them: thousands of distinct ones, a few very common (Zipf-like)
create temporary table stems (stem text);
insert into stems select unnest(array['Шевч','Ковал','Бондар','Ткач','Кравч','Олійн','Поліщ','Бой','Мельн','Лис',
  'Марч','Руд','Савч','Петр','Мороз','Павл','Роман','Клим','Іван','Гонч','Кузьм','Левч','Харч','Зінч','Гриц',
  'Дорош','Карп','Литвин','Остап','Панас','Семен','Тарас','Федор','Яков','Гнат','Мирон','Назар','Степан','Юрч',
  'Вовк','Гуменн','Дяч','Кушн','Пономар','Приход','Сидор','Чорн','Білик','Сокол','Гордієнк','Coval','Shevch']);
create temporary table suffixes (suffix text);
insert into suffixes select unnest(array['енко','ук','чук','ишин','ець','як','юк','ський','ович','ко','ин','ов']);
create temporary table last_names (i serial, name text);
insert into last_names (name) select stem || suffix from stems, suffixes order by random();
create temporary table middle_names (i serial, name text);
insert into middle_names (name) select unnest(array[
  'Петрівна','Іванович','Олександрівна','Миколайович','Андріївна','Васильович','Сергіївна','Богданович',
  'Петровна','Иванович','Сергеевна', null, null, null, null, null]);

create temporary table latin (cyr text, lat text);
insert into latin values ('а','a'),('б','b'),('в','v'),('г','h'),('ґ','g'),('д','d'),('е','e'),('є','ie'),
  ('ж','zh'),('з','z'),('и','y'),('і','i'),('ї','i'),('й','i'),('к','k'),('л','l'),('м','m'),('н','n'),
  ('о','o'),('п','p'),('р','r'),('с','s'),('т','t'),('у','u'),('ф','f'),('х','kh'),('ц','ts'),('ч','ch'),
  ('ш','sh'),('щ','shch'),('ь',''),('ю','iu'),('я','ia'),('ы','y'),('э','e'),('ё','e'),('ъ','');
create or replace function pg_temp.translit(t text) returns text language sql as $$
  select string_agg(coalesce((select lat from latin where cyr = ch), ch), '' order by n)
  from unnest(regexp_split_to_array(lower(t), '')) with ordinality as s(ch, n) $$;

create temporary table picks as
select n, 1 + floor(power(random(), 1.3) * (select count(*) from first_names))::int as fi,
       1 + floor(power(random(), 1.5) * (select count(*) from last_names))::int as li
from generate_series(1::bigint, :rows) as n;
create temporary table seed as
select gen_random_uuid() as id, p.n, f.name as first_name, l.name as last_name,
       (select name from middle_names where i = 1 + (p.n * 31 % (select count(*) from middle_names))) as middle_name,
       (array['50','63','66','67','68','73','93','95','96','97','98','99'])[1 + (p.n % 12)]
         || lpad(((p.n * 2654435761) % 10000000)::text, 7, '0') as mobile,
       now() - (random() * interval '1095 days') as created_at,
       random() as r
from picks p join first_names f on f.i = p.fi join last_names l on l.i = p.li;
-- transliteration for e-mails once per distinct name, not per row
create temporary table names_latin as
select name, pg_temp.translit(name) as lat from (select first_name as name from seed union select last_name from seed) x;

insert into contact (id, tenant_id, first_name, middle_name, last_name, kind, status, vip, source, tags,
                     news_consent, custom_fields, email, phone, search_name, owner_id, created_by,
                     created_at, updated_at, version)
select s.id, :'tenant', s.first_name, s.middle_name, s.last_name, 'PERSON',
       (array['LEAD','ACTIVE','ACTIVE','FORMER'])[1 + (s.n % 4)], s.r < 0.03,
       (array['Instagram','Website','Fair','Referral','Cold call'])[1 + (s.n % 5)],
       case when s.r < 0.2 then array['wholesale'] when s.r < 0.35 then array['retail','kyiv'] else '{}' end,
       s.r < 0.5, '{}',
       lower(fl.lat || '.' || ll.lat || s.n || '@example.com'),
       '+380 ' || substr(s.mobile, 1, 2) || ' ' || substr(s.mobile, 3, 3) || ' ' || substr(s.mobile, 6, 4),
       lower(concat_ws(' ', s.last_name, s.first_name, s.middle_name)),
       :'owner', :'owner', s.created_at, s.created_at + (random() * (now() - s.created_at)), 0
from seed s join names_latin fl on fl.name = s.first_name join names_latin ll on ll.name = s.last_name;

insert into contact_point (contact_id, position, tenant_id, kind, label, value, search_key, is_primary)
select id, 0, :'tenant', 'PHONE', 'mobile', phone, '380' || substr(replace(phone, ' ', ''), 5), true
from contact where tenant_id = :'tenant';
insert into contact_point (contact_id, position, tenant_id, kind, label, value, search_key, is_primary)
select id, 1, :'tenant', 'EMAIL', null, email, email, true from contact where tenant_id = :'tenant';

-- ten interactions each for the first thousand contacts: the cards the benchmark opens
insert into timeline_entry (id, tenant_id, contact_id, occurred_at, channel, direction, summary, source, author_id, created_at)
select gen_random_uuid(), :'tenant', c.id, c.created_at + (k * interval '3 days'),
       (array['CALL','EMAIL','MEETING','MESSAGE'])[1 + (k % 4)], (array['IN','OUT'])[1 + (k % 2)],
       'Interaction ' || k || ' with ' || c.first_name, 'manual', :'owner', now()
from (select id, first_name, created_at from contact where tenant_id = :'tenant' order by id limit 1000) c,
     generate_series(1, 10) as k;

analyze contact;
analyze contact_point;
analyze timeline_entry;
