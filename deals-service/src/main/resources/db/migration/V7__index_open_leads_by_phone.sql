-- A missed call makes a lead unless the caller has an open one: looked up by the caller's number (and by the
-- matched contact, lead_contact_idx) among the company's open leads, not across all of them.
create index lead_open_phone_idx on lead (tenant_id, phone) where status = 'OPEN' and phone is not null;
