-- Roles InFocus needs on the server. Run in the `postgres` database by the Microsoft Entra administrator
-- (infra/scripts/postprovision.sh). Idempotent. PostgreSQL 16 or later (GRANT ... WITH SET).
-- psql variables: app_role (the function app's name), app_oid (object id of its system-assigned identity).

-- The function app's managed identity as a login role: not an administrator, no MFA (it is a service).
SELECT format(
    'SELECT * FROM pgaadauth_create_principal_with_oid(%L, %L, %L, false, false)',
    :'app_role', :'app_oid', 'service')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role')
\gexec

-- Owner of the schema objects. Nobody signs in as it: migrations run after SET ROLE infocus_owner, so every table
-- has the same owner whoever ran the migration, and the default privileges below follow it.
SELECT 'CREATE ROLE infocus_owner NOLOGIN'
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'infocus_owner')
\gexec

-- The administrator running this may SET ROLE infocus_owner (the predeploy migration) and has its privileges
-- (20-grants.sql changes its default privileges). Since PostgreSQL 16 a role that a non-superuser with CREATEROLE
-- creates, as Azure's Microsoft Entra administrator is, makes its creator a member with ADMIN OPTION only: no
-- INHERIT, no SET. So membership alone proves nothing; both options are asked for and granted explicitly.
SELECT format('GRANT infocus_owner TO %I WITH INHERIT TRUE, SET TRUE', current_user)
WHERE NOT (pg_has_role(current_user, 'infocus_owner', 'SET') AND pg_has_role(current_user, 'infocus_owner', 'USAGE'))
\gexec
