-- Privileges in the application database. Run in that database by the Microsoft Entra administrator
-- (infra/scripts/postprovision.sh). Idempotent. psql variables: app_role, db_name.
-- The app reads and writes rows; it creates, alters and drops nothing. Schema changes are migrations.

GRANT CONNECT, TEMPORARY ON DATABASE :"db_name" TO :"app_role";

GRANT USAGE, CREATE ON SCHEMA public TO infocus_owner;
GRANT USAGE ON SCHEMA public TO :"app_role";

-- Objects that exist already (whoever owns them) ...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- ... and objects migrations create later as infocus_owner.
ALTER DEFAULT PRIVILEGES FOR ROLE infocus_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE infocus_owner IN SCHEMA public
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";
