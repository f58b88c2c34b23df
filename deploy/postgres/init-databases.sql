-- Creates one database per CRM service (database-per-service).
--
-- Run by the postgres image on first start (mounted into /docker-entrypoint-initdb.d, executed
-- with psql as POSTGRES_USER, who then owns every database). The statements are idempotent,
-- so the script can also be replayed by hand against an existing server:
--   psql -h 127.0.0.1 -U crm -d postgres -f deploy/postgres/init-databases.sql
--
-- Keep in sync with the DB_URL of each service in docker-compose.yml
-- (checked by deploy/src/test/java/org/opencrm/deploy/DeploymentFilesTest.java).

SELECT 'CREATE DATABASE crm_identity' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_identity')\gexec
SELECT 'CREATE DATABASE crm_contacts' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_contacts')\gexec
SELECT 'CREATE DATABASE crm_deals' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_deals')\gexec
SELECT 'CREATE DATABASE crm_tasks' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_tasks')\gexec
SELECT 'CREATE DATABASE crm_chat' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_chat')\gexec
SELECT 'CREATE DATABASE crm_telephony' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_telephony')\gexec
SELECT 'CREATE DATABASE crm_analytics' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_analytics')\gexec
SELECT 'CREATE DATABASE crm_notifications' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm_notifications')\gexec
