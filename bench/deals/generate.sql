-- 100,000 deals in one deal pipeline of one tenant (the seeded order funnel), written straight into
-- deals-service's database the way the service stores them: stages weighted as a shop's funnel looks
-- (most deals closed), amounts in three currencies, a year of history, several owners and unassigned
-- deals, payment statuses and types, sources with their details. Run with
--   psql -v tenant=<uuid> -v owner=<uuid> -v pipeline=<uuid> -v rows=100000 -f generate.sql
\set ON_ERROR_STOP on
select setseed(0.42);

create temporary table stages as
select id, code, outcome, row_number() over (order by position) as n
from stage where tenant_id = :'tenant' and pipeline_id = :'pipeline' and deleted_at is null;

create temporary table names (i serial, name text);
insert into names (name) select unnest(array['Антонов Артем','Коваленко Олена','Шевченко Тарас','Бондаренко Ірина',
  'Мельник Андрій','Ткаченко Оксана','Кравченко Дмитро','Олійник Наталія','Иванов Сергей','Петрова Елена',
  'Smith John','Kovalenko Olena']);

create temporary table picks as
select n, random() as stage_pick, random() as currency_pick, random() as owner_pick, random() as pay_pick,
       random() as type_pick, random() as source_pick, 1 + floor(random() * 12)::int as name_pick,
       round((50 + random() * random() * 20000)::numeric, 2) as amount,
       now() - (random() * interval '365 days') as created
from generate_series(1, :rows) as n;

insert into deal (id, tenant_id, number, title, amount, currency, pipeline_id, stage_id, status, owner_id,
                  contact_name, payment_status, payment_type, shop_order_id, lost_reason, source, source_detail,
                  created_by, created_at, updated_at, closed_at, version)
select gen_random_uuid(), :'tenant', p.n,
       case when p.source_pick < 0.5 then 'Заказ №' || (100000 + p.n) end,
       p.amount,
       case when p.currency_pick < 0.9 then 'UAH' when p.currency_pick < 0.97 then 'EUR' else 'USD' end,
       :'pipeline', s.id,
       case s.outcome when 'WON' then 'WON' when 'LOST' then 'LOST' else 'OPEN' end,
       case when p.owner_pick < 0.6 then cast(:'owner' as uuid)
            when p.owner_pick < 0.9 then ('00000000-0000-4000-8000-00000000000' || (floor((p.owner_pick - 0.6) * 30)::int % 10))::uuid
            end,
       nm.name,
       (array['NOT_PAID','NOT_SELECTED','PAID','SUCCESSFUL','PROVIDER_FAILURE','ERROR'])[1 + floor(power(p.pay_pick, 1.5) * 6)::int],
       (array['CARD_ONLINE','CARD','BANK_TRANSFER','CASH_ON_DELIVERY','CASH'])[1 + floor(p.type_pick * 5)::int],
       case when p.source_pick < 0.5 then 'SO-' || (100000 + p.n) end,
       case when s.outcome = 'LOST' then 'The parcel was not picked up' end,
       case when p.source_pick < 0.5 then 'shop' when p.source_pick < 0.7 then 'facebook'
            when p.source_pick < 0.85 then 'google' when p.source_pick < 0.95 then 'incoming-call' else 'web-form' end,
       case when p.source_pick < 0.5 then 'Интернет-магазин' when p.source_pick < 0.7 then 'FB - Саморезы'
            when p.source_pick < 0.85 then 'GGL - Анкера' when p.source_pick < 0.95 then 'Входящий звонок'
            else 'Заявка на звонок ИМ' end,
       cast(:'owner' as uuid), p.created, p.created,
       case when s.outcome <> 'OPEN' then p.created + interval '3 days' end,
       0
from picks p
join stages s on s.n = case when p.stage_pick < 0.10 then 1 when p.stage_pick < 0.20 then 2
                            when p.stage_pick < 0.30 then 3 when p.stage_pick < 0.40 then 4
                            when p.stage_pick < 0.85 then 5 else 6 end
join names nm on nm.i = p.name_pick;

insert into card_number (tenant_id, kind, last) values (:'tenant', 'DEAL', :rows)
on conflict (tenant_id, kind) do update set last = greatest(card_number.last, excluded.last);

-- the board's counts and sums are read from the index alone once the visibility map is set
vacuum analyze deal;
select s.code, count(d.id) as deals from stages s left join deal d on d.stage_id = s.id and d.tenant_id = :'tenant'
group by s.code, s.n order by s.n;
