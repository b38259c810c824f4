CREATE TABLE IF NOT EXISTS __ef_migrations_history (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE login_failures (
        id character varying(32) NOT NULL,
        email character varying(254) NOT NULL,
        client_address character varying(64) NOT NULL,
        attempted_at timestamp with time zone NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_login_failures PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE media_items (
        id character varying(32) NOT NULL,
        tmdb_id integer NOT NULL,
        tmdb_type character varying(32) NOT NULL,
        title character varying(500) NOT NULL,
        description character varying(10000),
        poster_path character varying(255),
        backdrop_path character varying(255),
        release_date date,
        rating numeric(3,1),
        genres text[] NOT NULL,
        creators text[] NOT NULL,
        providers_refreshed_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_media_items PRIMARY KEY (id),
        CONSTRAINT ck_media_items_rating CHECK (rating IS NULL OR (rating >= 0 AND rating <= 10)),
        CONSTRAINT ck_media_items_tmdb_id_positive CHECK (tmdb_id > 0),
        CONSTRAINT ck_media_items_tmdb_type CHECK (tmdb_type IN ('movie', 'tv'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE users (
        id character varying(32) NOT NULL,
        email character varying(254) NOT NULL,
        password_hash character varying(100) NOT NULL,
        name character varying(100) NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT ck_users_email_normalized CHECK (email = lower(btrim(email)))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE streaming_providers (
        id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        tmdb_provider_id integer NOT NULL,
        provider character varying(200) NOT NULL,
        offer_type character varying(32) NOT NULL,
        logo_path character varying(255),
        url character varying(2048),
        regions text[] NOT NULL,
        added_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_streaming_providers PRIMARY KEY (id),
        CONSTRAINT ck_streaming_providers_offer_type CHECK (offer_type IN ('subscription', 'free', 'ads', 'rent', 'buy')),
        CONSTRAINT ck_streaming_providers_regions CHECK (cardinality(regions) > 0),
        CONSTRAINT fk_streaming_providers_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE families (
        id character varying(32) NOT NULL,
        name character varying(100) NOT NULL,
        created_by_id character varying(32),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_families PRIMARY KEY (id),
        CONSTRAINT fk_families_users_created_by_id FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE profiles (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        bio character varying(1000),
        avatar character varying(2048),
        preferences jsonb NOT NULL DEFAULT ('{}'::jsonb),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_profiles PRIMARY KEY (id),
        CONSTRAINT ck_profiles_preferences_object CHECK (jsonb_typeof(preferences) = 'object'),
        CONSTRAINT fk_profiles_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE recommendations (
        id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        recommended_by_id character varying(32) NOT NULL,
        recommended_to_id character varying(32) NOT NULL,
        message character varying(500),
        status character varying(32) NOT NULL,
        responded_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_recommendations PRIMARY KEY (id),
        CONSTRAINT ck_recommendations_not_to_self CHECK (recommended_by_id <> recommended_to_id),
        CONSTRAINT ck_recommendations_status CHECK (status IN ('pending', 'accepted', 'rejected')),
        CONSTRAINT fk_recommendations_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_recommendations_users_recommended_by_id FOREIGN KEY (recommended_by_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_recommendations_users_recommended_to_id FOREIGN KEY (recommended_to_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE sessions (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        user_agent character varying(512),
        client_address character varying(64),
        expires_at timestamp with time zone NOT NULL,
        last_used_at timestamp with time zone NOT NULL,
        revoked_at timestamp with time zone,
        revoked_reason character varying(32),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_sessions PRIMARY KEY (id),
        CONSTRAINT ck_sessions_revoked_reason CHECK (revoked_reason IN ('logout', 'logout_all', 'ended', 'password_changed', 'refresh_token_reuse')),
        CONSTRAINT fk_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE watchlist_entries (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        status character varying(32) NOT NULL,
        rating integer,
        notes character varying(2000),
        date_added timestamp with time zone NOT NULL DEFAULT (now()),
        date_updated timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_watchlist_entries PRIMARY KEY (id),
        CONSTRAINT ck_watchlist_entries_rating CHECK (rating IS NULL OR (rating >= 1 AND rating <= 10)),
        CONSTRAINT ck_watchlist_entries_status CHECK (status IN ('not_watched', 'watching', 'completed')),
        CONSTRAINT fk_watchlist_entries_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_watchlist_entries_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE family_invitations (
        id character varying(32) NOT NULL,
        family_id character varying(32) NOT NULL,
        email character varying(254) NOT NULL,
        token_hash bytea NOT NULL,
        status character varying(32) NOT NULL,
        invited_by_id character varying(32),
        expires_at timestamp with time zone NOT NULL,
        accepted_at timestamp with time zone,
        responded_at timestamp with time zone,
        send_count integer NOT NULL,
        email_status character varying(32) NOT NULL,
        email_enqueued_at timestamp with time zone,
        email_sent_at timestamp with time zone,
        email_error character varying(1000),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_family_invitations PRIMARY KEY (id),
        CONSTRAINT ck_family_invitations_accepted_at CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
        CONSTRAINT ck_family_invitations_email_normalized CHECK (email = lower(btrim(email))),
        CONSTRAINT ck_family_invitations_email_status CHECK (email_status IN ('pending', 'sent', 'failed')),
        CONSTRAINT ck_family_invitations_status CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'revoked')),
        CONSTRAINT ck_family_invitations_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT fk_family_invitations_families_family_id FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
        CONSTRAINT fk_family_invitations_users_invited_by_id FOREIGN KEY (invited_by_id) REFERENCES users (id) ON DELETE SET NULL
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE family_memberships (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        family_id character varying(32) NOT NULL,
        role character varying(32) NOT NULL,
        joined_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_family_memberships PRIMARY KEY (id),
        CONSTRAINT ck_family_memberships_role CHECK (role IN ('admin', 'member')),
        CONSTRAINT fk_family_memberships_families_family_id FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
        CONSTRAINT fk_family_memberships_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE TABLE refresh_tokens (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        session_id character varying(32) NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamp with time zone NOT NULL,
        revoked boolean NOT NULL,
        revoked_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_refresh_tokens PRIMARY KEY (id),
        CONSTRAINT ck_refresh_tokens_revocation CHECK (revoked = (revoked_at IS NOT NULL)),
        CONSTRAINT ck_refresh_tokens_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT fk_refresh_tokens_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE,
        CONSTRAINT fk_refresh_tokens_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_families_created_by_id ON families (created_by_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_family_invitations_email_status ON family_invitations (email, status);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_family_invitations_invited_by_id ON family_invitations (invited_by_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_family_invitations_not_enqueued ON family_invitations (created_at) WHERE email_enqueued_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_family_invitations_status_expires_at ON family_invitations (status, expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_family_invitations_family_email ON family_invitations (family_id, email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_family_invitations_token_hash ON family_invitations (token_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_family_memberships_family_id_role ON family_memberships (family_id, role);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_family_memberships_user_family ON family_memberships (user_id, family_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_login_failures_attempted_at ON login_failures (attempted_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_login_failures_client_address_attempted_at ON login_failures (client_address, attempted_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_login_failures_email_attempted_at ON login_failures (email, attempted_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_media_items_providers_refreshed_at ON media_items (providers_refreshed_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_media_items_title ON media_items (title);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_media_items_tmdb ON media_items (tmdb_id, tmdb_type);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_profiles_user_id ON profiles (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_recommendations_media_item_id ON recommendations (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_recommendations_recommended_by_id_status_created_at_id ON recommendations (recommended_by_id, status, created_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_recommendations_recommended_to_id_status_created_at_id ON recommendations (recommended_to_id, status, created_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_recommendations_status ON recommendations (status);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_recommendations_pending ON recommendations (recommended_by_id, recommended_to_id, media_item_id) WHERE status = 'pending';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_refresh_tokens_expires_at ON refresh_tokens (expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_refresh_tokens_session_id ON refresh_tokens (session_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_refresh_tokens_user_id ON refresh_tokens (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_refresh_tokens_token_hash ON refresh_tokens (token_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_sessions_user_id ON sessions (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_streaming_providers_regions ON streaming_providers USING gin (regions);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_streaming_providers_offer ON streaming_providers (media_item_id, tmdb_provider_id, offer_type);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_users_email ON users (email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_watchlist_entries_media_item_id ON watchlist_entries (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_watchlist_entries_status ON watchlist_entries (status);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_watchlist_entries_user_id_date_added_id ON watchlist_entries (user_id, date_added, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE INDEX ix_watchlist_entries_user_id_date_updated_id ON watchlist_entries (user_id, date_updated, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE UNIQUE INDEX ux_watchlist_entries_user_media ON watchlist_entries (user_id, media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_users() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_users BEFORE UPDATE ON users
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_users();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_profiles() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_profiles BEFORE UPDATE ON profiles
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_profiles();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_sessions BEFORE UPDATE ON sessions
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_sessions();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_refresh_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_refresh_tokens BEFORE UPDATE ON refresh_tokens
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_refresh_tokens();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_login_failures() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_login_failures BEFORE UPDATE ON login_failures
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_login_failures();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_media_items() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_media_items BEFORE UPDATE ON media_items
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_media_items();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_streaming_providers() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.added_at := OLD.added_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_streaming_providers BEFORE UPDATE ON streaming_providers
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_streaming_providers();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_watchlist_entries() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.date_added := OLD.date_added;
        NEW.date_updated := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_watchlist_entries BEFORE UPDATE ON watchlist_entries
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_watchlist_entries();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_families() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_families BEFORE UPDATE ON families
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_families();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_family_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.joined_at := OLD.joined_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_family_memberships BEFORE UPDATE ON family_memberships
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_family_memberships();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_family_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_family_invitations BEFORE UPDATE ON family_invitations
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_family_invitations();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    CREATE FUNCTION infocus_touch_recommendations() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_recommendations BEFORE UPDATE ON recommendations
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_recommendations();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261126033117_InitialSchema') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261126033117_InitialSchema', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    ALTER TABLE sessions DROP CONSTRAINT ck_sessions_revoked_reason;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    ALTER TABLE login_failures ADD in_flight boolean NOT NULL DEFAULT FALSE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    ALTER TABLE login_failures ADD sequence bigint GENERATED ALWAYS AS IDENTITY;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    ALTER TABLE family_invitations ALTER COLUMN send_count SET DEFAULT 1;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    ALTER TABLE family_invitations ADD email_lease_until timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE TABLE password_resets (
        id character varying(32) NOT NULL,
        email character varying(254) NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamp with time zone NOT NULL,
        used_at timestamp with time zone,
        send_count integer NOT NULL DEFAULT 1,
        email_status character varying(32) NOT NULL,
        email_enqueued_at timestamp with time zone,
        email_lease_until timestamp with time zone,
        email_sent_at timestamp with time zone,
        email_error character varying(1000),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_password_resets PRIMARY KEY (id),
        CONSTRAINT ck_password_resets_email_status CHECK (email_status IN ('pending', 'sent', 'failed')),
        CONSTRAINT ck_password_resets_token_hash_length CHECK (octet_length(token_hash) = 32)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE TABLE pending_registrations (
        id character varying(32) NOT NULL,
        email character varying(254) NOT NULL,
        name character varying(100) NOT NULL,
        password_hash character varying(100) NOT NULL,
        token_hash bytea NOT NULL,
        expires_at timestamp with time zone NOT NULL,
        send_count integer NOT NULL DEFAULT 1,
        email_status character varying(32) NOT NULL,
        email_enqueued_at timestamp with time zone,
        email_lease_until timestamp with time zone,
        email_sent_at timestamp with time zone,
        email_error character varying(1000),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_pending_registrations PRIMARY KEY (id),
        CONSTRAINT ck_pending_registrations_email_normalized CHECK (email = lower(btrim(email))),
        CONSTRAINT ck_pending_registrations_email_status CHECK (email_status IN ('pending', 'sent', 'failed')),
        CONSTRAINT ck_pending_registrations_token_hash_length CHECK (octet_length(token_hash) = 32)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE TABLE rate_limit_hits (
        id character varying(32) NOT NULL,
        key character varying(320) NOT NULL,
        at timestamp with time zone NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_rate_limit_hits PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    ALTER TABLE sessions ADD CONSTRAINT ck_sessions_revoked_reason CHECK (revoked_reason IN ('logout', 'logout_all', 'ended', 'password_changed', 'password_reset', 'refresh_token_reuse'));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_password_resets_email ON password_resets (email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_password_resets_expires_at ON password_resets (expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_password_resets_not_enqueued ON password_resets (created_at) WHERE email_enqueued_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE UNIQUE INDEX ux_password_resets_token_hash ON password_resets (token_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_pending_registrations_expires_at ON pending_registrations (expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_pending_registrations_not_enqueued ON pending_registrations (created_at) WHERE email_enqueued_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE UNIQUE INDEX ux_pending_registrations_email ON pending_registrations (email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE UNIQUE INDEX ux_pending_registrations_token_hash ON pending_registrations (token_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_rate_limit_hits_at ON rate_limit_hits (at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE INDEX ix_rate_limit_hits_key_at ON rate_limit_hits (key, at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE FUNCTION infocus_touch_pending_registrations() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_pending_registrations BEFORE UPDATE ON pending_registrations
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_pending_registrations();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE FUNCTION infocus_touch_password_resets() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_password_resets BEFORE UPDATE ON password_resets
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_password_resets();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    CREATE FUNCTION infocus_touch_rate_limit_hits() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_rate_limit_hits BEFORE UPDATE ON rate_limit_hits
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_rate_limit_hits();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261204180229_AccountTrust') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261204180229_AccountTrust', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE TABLE import_entry_dates (
        user_id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        info_date timestamp with time zone NOT NULL,
        applied_at timestamp with time zone NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_import_entry_dates PRIMARY KEY (user_id, media_item_id),
        CONSTRAINT fk_import_entry_dates_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_import_entry_dates_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE TABLE imports (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        source character varying(32) NOT NULL,
        status character varying(32) NOT NULL,
        blob_name character varying(100) NOT NULL,
        content_type character varying(100) NOT NULL,
        staged boolean NOT NULL,
        total integer NOT NULL,
        processed integer NOT NULL,
        added integer NOT NULL,
        updated integer NOT NULL,
        unchanged integer NOT NULL,
        unmatched integer NOT NULL,
        errors integer NOT NULL,
        failure character varying(1000),
        lease_until timestamp with time zone,
        started_at timestamp with time zone,
        finished_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_imports PRIMARY KEY (id),
        CONSTRAINT ck_imports_source CHECK (source IN ('letterboxd', 'imdb', 'trakt', 'infocus')),
        CONSTRAINT ck_imports_status CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
        CONSTRAINT fk_imports_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE TABLE title_lookups (
        key character varying(600) NOT NULL,
        tmdb_id integer,
        media_type character varying(32),
        reason character varying(1000),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_title_lookups PRIMARY KEY (key),
        CONSTRAINT ck_title_lookups_media_type CHECK (media_type IN ('movie', 'tv'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE TABLE import_rows (
        import_id character varying(32) NOT NULL,
        seq integer NOT NULL,
        file character varying(200) NOT NULL,
        line integer NOT NULL,
        kind character varying(32) NOT NULL,
        values jsonb NOT NULL,
        title character varying(500),
        year integer,
        imdb_id character varying(16),
        tmdb_id integer,
        media_type character varying(32),
        status character varying(32),
        rating integer,
        notes character varying(2000),
        info_date timestamp with time zone,
        outcome character varying(32) NOT NULL,
        reason character varying(1000),
        media_item_id character varying(32),
        applied_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_import_rows PRIMARY KEY (import_id, seq),
        CONSTRAINT ck_import_rows_kind CHECK (kind IN ('watchlist', 'watched', 'rating', 'review', 'list', 'entry')),
        CONSTRAINT ck_import_rows_media_type CHECK (media_type IN ('movie', 'tv')),
        CONSTRAINT ck_import_rows_outcome CHECK (outcome IN ('pending', 'added', 'updated', 'unchanged', 'unmatched', 'error')),
        CONSTRAINT ck_import_rows_status CHECK (status IN ('not_watched', 'watching', 'completed')),
        CONSTRAINT fk_import_rows_imports_import_id FOREIGN KEY (import_id) REFERENCES imports (id) ON DELETE CASCADE,
        CONSTRAINT fk_import_rows_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE SET NULL
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE INDEX ix_import_entry_dates_media_item_id ON import_entry_dates (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE INDEX ix_import_rows_import_id_outcome_seq ON import_rows (import_id, outcome, seq);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE INDEX ix_import_rows_media_item_id ON import_rows (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE INDEX ix_imports_user_id_created_at_id ON imports (user_id, created_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    CREATE FUNCTION infocus_touch_imports() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_imports BEFORE UPDATE ON imports
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_imports();
    CREATE FUNCTION infocus_touch_import_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_import_rows BEFORE UPDATE ON import_rows
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_import_rows();
    CREATE FUNCTION infocus_touch_title_lookups() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_title_lookups BEFORE UPDATE ON title_lookups
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_title_lookups();
    CREATE FUNCTION infocus_touch_import_entry_dates() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_import_entry_dates BEFORE UPDATE ON import_entry_dates
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_import_entry_dates();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052052_Imports') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205052052_Imports', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    ALTER TABLE watchlist_entries ADD last_watched_at timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    ALTER TABLE watchlist_entries ADD status_follows_progress boolean NOT NULL DEFAULT TRUE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    ALTER TABLE media_items ADD seasons_refreshed_at timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    ALTER TABLE media_items ADD show_status character varying(32);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE TABLE calendar_feeds (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_calendar_feeds PRIMARY KEY (id),
        CONSTRAINT ck_calendar_feeds_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT fk_calendar_feeds_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE TABLE seasons (
        id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        number integer NOT NULL,
        name character varying(500),
        air_date date,
        episode_count integer NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_seasons PRIMARY KEY (id),
        CONSTRAINT ck_seasons_episode_count CHECK (episode_count >= 0),
        CONSTRAINT ck_seasons_number CHECK (number >= 0),
        CONSTRAINT fk_seasons_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE TABLE episodes (
        id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        season_id character varying(32) NOT NULL,
        season_number integer NOT NULL,
        number integer NOT NULL,
        name character varying(500),
        air_date date,
        runtime integer,
        still_path character varying(255),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_episodes PRIMARY KEY (id),
        CONSTRAINT ck_episodes_number CHECK (number >= 0 AND season_number >= 0),
        CONSTRAINT ck_episodes_runtime CHECK (runtime IS NULL OR runtime >= 0),
        CONSTRAINT fk_episodes_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_episodes_seasons_season_id FOREIGN KEY (season_id) REFERENCES seasons (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE TABLE viewings (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        episode_id character varying(32),
        watched_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_viewings PRIMARY KEY (id),
        CONSTRAINT fk_viewings_episodes_episode_id FOREIGN KEY (episode_id) REFERENCES episodes (id) ON DELETE CASCADE,
        CONSTRAINT fk_viewings_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_viewings_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_watchlist_entries_user_id_last_watched_at_id ON watchlist_entries (user_id, last_watched_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_media_items_seasons_refreshed_at ON media_items (seasons_refreshed_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    ALTER TABLE media_items ADD CONSTRAINT ck_media_items_show_status CHECK (show_status IN ('returning_series', 'in_production', 'planned', 'pilot', 'ended', 'canceled'));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE UNIQUE INDEX ux_calendar_feeds_token_hash ON calendar_feeds (token_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE UNIQUE INDEX ux_calendar_feeds_user_id ON calendar_feeds (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_episodes_air_date_media_item_id ON episodes (air_date, media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_episodes_season_id ON episodes (season_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE UNIQUE INDEX ux_episodes_media_season_number ON episodes (media_item_id, season_number, number);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE UNIQUE INDEX ux_seasons_media_number ON seasons (media_item_id, number);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_viewings_episode_id ON viewings (episode_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_viewings_media_item_id ON viewings (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_viewings_user_id_episode_id ON viewings (user_id, episode_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE INDEX ix_viewings_user_id_watched_at_id ON viewings (user_id, watched_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE UNIQUE INDEX ux_viewings_once ON viewings (user_id, media_item_id, episode_id, watched_at) NULLS NOT DISTINCT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    CREATE FUNCTION infocus_touch_seasons() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_seasons BEFORE UPDATE ON seasons
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_seasons();
    CREATE FUNCTION infocus_touch_episodes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_episodes BEFORE UPDATE ON episodes
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_episodes();
    CREATE FUNCTION infocus_touch_viewings() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_viewings BEFORE UPDATE ON viewings
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_viewings();
    CREATE FUNCTION infocus_touch_calendar_feeds() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_calendar_feeds BEFORE UPDATE ON calendar_feeds
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_calendar_feeds();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205052445_TvProgress') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205052445_TvProgress', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE TABLE family_titles (
        id character varying(32) NOT NULL,
        family_id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        title character varying(500) NOT NULL,
        member_count integer NOT NULL,
        not_watched_count integer NOT NULL,
        watching_count integer NOT NULL,
        completed_count integer NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_family_titles PRIMARY KEY (id),
        CONSTRAINT fk_family_titles_families_family_id FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
        CONSTRAINT fk_family_titles_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE TABLE request_pacing (
        id character varying(32) NOT NULL,
        next_at timestamp with time zone NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_request_pacing PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE TABLE watchlist_genre_counts (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        genre character varying(64) NOT NULL,
        count integer NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_watchlist_genre_counts PRIMARY KEY (id),
        CONSTRAINT fk_watchlist_genre_counts_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE TABLE watchlist_totals (
        id character varying(32) NOT NULL,
        total integer NOT NULL,
        not_watched integer NOT NULL,
        watching integer NOT NULL,
        completed integer NOT NULL,
        rated integer NOT NULL,
        rating_sum bigint NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_watchlist_totals PRIMARY KEY (id),
        CONSTRAINT fk_watchlist_totals_users_id FOREIGN KEY (id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE INDEX ix_family_titles_family_id_completed_count_title_media_item_id ON family_titles (family_id, completed_count DESC, title, media_item_id) WHERE completed_count > 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE INDEX ix_family_titles_family_id_member_count_title_media_item_id ON family_titles (family_id, member_count DESC, title, media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE INDEX ix_family_titles_family_id_not_watched_count_title_media_item_ ON family_titles (family_id, not_watched_count DESC, title, media_item_id) WHERE not_watched_count > 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE INDEX ix_family_titles_family_id_watching_count_title_media_item_id ON family_titles (family_id, watching_count DESC, title, media_item_id) WHERE watching_count > 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE INDEX ix_family_titles_media_item_id ON family_titles (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE UNIQUE INDEX ux_family_titles_family_media ON family_titles (family_id, media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE UNIQUE INDEX ux_watchlist_genre_counts_user_genre ON watchlist_genre_counts (user_id, genre);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    CREATE FUNCTION infocus_touch_request_pacing() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_request_pacing BEFORE UPDATE ON request_pacing
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_request_pacing();
    CREATE FUNCTION infocus_touch_family_titles() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_family_titles BEFORE UPDATE ON family_titles
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_family_titles();
    CREATE FUNCTION infocus_touch_watchlist_totals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_watchlist_totals BEFORE UPDATE ON watchlist_totals
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_watchlist_totals();
    CREATE FUNCTION infocus_touch_watchlist_genre_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_watchlist_genre_counts BEFORE UPDATE ON watchlist_genre_counts
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_watchlist_genre_counts();
    CREATE FUNCTION infocus_new_id() RETURNS text LANGUAGE sql VOLATILE
        AS $$ SELECT 'c' || substr(md5(random()::text || clock_timestamp()::text), 1, 24) $$;
    CREATE FUNCTION infocus_summarize_entries_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d0) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT user_id FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d0 ORDER BY 1) x;
        PERFORM 1 FROM media_items m WHERE m.id IN (SELECT media_item_id FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d0) ORDER BY m.id FOR SHARE;

        INSERT INTO watchlist_totals AS t (id, total, not_watched, watching, completed, rated, rating_sum)
        SELECT d.user_id, sum(d.sign), sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END),
               sum(CASE WHEN d.rating IS NOT NULL THEN d.sign ELSE 0 END), sum(d.sign * coalesce(d.rating, 0))
        FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d JOIN users u ON u.id = d.user_id
        GROUP BY d.user_id
        ORDER BY d.user_id
        ON CONFLICT (id) DO UPDATE SET
            total = t.total + excluded.total,
            not_watched = t.not_watched + excluded.not_watched,
            watching = t.watching + excluded.watching,
            completed = t.completed + excluded.completed,
            rated = t.rated + excluded.rated,
            rating_sum = t.rating_sum + excluded.rating_sum;

        INSERT INTO watchlist_genre_counts AS g (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT d.user_id, left(ge.genre, 64) AS genre, sum(d.sign) AS n
            FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d
            JOIN users u ON u.id = d.user_id
            JOIN media_items m ON m.id = d.media_item_id
            CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            GROUP BY 1, 2
            HAVING sum(d.sign) <> 0
        ) x
        ORDER BY x.user_id, x.genre
        ON CONFLICT (user_id, genre) DO UPDATE SET count = g.count + excluded.count;

        -- Entries of a title being deleted: its genres are gone, so their owners' genre counts are recounted.
        DELETE FROM watchlist_genre_counts g
        WHERE g.user_id IN (SELECT d.user_id FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d
                            WHERE NOT EXISTS (SELECT 1 FROM media_items m WHERE m.id = d.media_item_id));
        INSERT INTO watchlist_genre_counts (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT w.user_id, left(ge.genre, 64) AS genre, count(*) AS n
            FROM watchlist_entries w
            JOIN media_items m ON m.id = w.media_item_id
            CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            WHERE w.user_id IN (SELECT d.user_id FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d JOIN users u ON u.id = d.user_id
                                WHERE NOT EXISTS (SELECT 1 FROM media_items m2 WHERE m2.id = d.media_item_id))
            GROUP BY 1, 2
        ) x;
        DELETE FROM watchlist_genre_counts g
        WHERE g.count = 0 AND g.user_id IN (SELECT user_id FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d0);

        INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, d.media_item_id, m.title, sum(d.sign) AS members, sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END)
            FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d
            JOIN family_memberships fm ON fm.user_id = d.user_id
            JOIN families f ON f.id = fm.family_id
            JOIN media_items m ON m.id = d.media_item_id
            GROUP BY fm.family_id, d.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
        member_count = t.member_count + excluded.member_count,
        not_watched_count = t.not_watched_count + excluded.not_watched_count,
        watching_count = t.watching_count + excluded.watching_count,
        completed_count = t.completed_count + excluded.completed_count;
        DELETE FROM family_titles t
        USING (SELECT DISTINCT fm.family_id, d.media_item_id FROM (SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n) d
               JOIN family_memberships fm ON fm.user_id = d.user_id) p
        WHERE t.family_id = p.family_id AND t.media_item_id = p.media_item_id AND t.member_count = 0;
        RETURN NULL;
    END
    $fn$;
    CREATE FUNCTION infocus_summarize_entries_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d0) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d0 ORDER BY 1) x;
        PERFORM 1 FROM media_items m WHERE m.id IN (SELECT media_item_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d0) ORDER BY m.id FOR SHARE;

        INSERT INTO watchlist_totals AS t (id, total, not_watched, watching, completed, rated, rating_sum)
        SELECT d.user_id, sum(d.sign), sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END),
               sum(CASE WHEN d.rating IS NOT NULL THEN d.sign ELSE 0 END), sum(d.sign * coalesce(d.rating, 0))
        FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d JOIN users u ON u.id = d.user_id
        GROUP BY d.user_id
        ORDER BY d.user_id
        ON CONFLICT (id) DO UPDATE SET
            total = t.total + excluded.total,
            not_watched = t.not_watched + excluded.not_watched,
            watching = t.watching + excluded.watching,
            completed = t.completed + excluded.completed,
            rated = t.rated + excluded.rated,
            rating_sum = t.rating_sum + excluded.rating_sum;

        INSERT INTO watchlist_genre_counts AS g (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT d.user_id, left(ge.genre, 64) AS genre, sum(d.sign) AS n
            FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d
            JOIN users u ON u.id = d.user_id
            JOIN media_items m ON m.id = d.media_item_id
            CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            GROUP BY 1, 2
            HAVING sum(d.sign) <> 0
        ) x
        ORDER BY x.user_id, x.genre
        ON CONFLICT (user_id, genre) DO UPDATE SET count = g.count + excluded.count;

        -- Entries of a title being deleted: its genres are gone, so their owners' genre counts are recounted.
        DELETE FROM watchlist_genre_counts g
        WHERE g.user_id IN (SELECT d.user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d
                            WHERE NOT EXISTS (SELECT 1 FROM media_items m WHERE m.id = d.media_item_id));
        INSERT INTO watchlist_genre_counts (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT w.user_id, left(ge.genre, 64) AS genre, count(*) AS n
            FROM watchlist_entries w
            JOIN media_items m ON m.id = w.media_item_id
            CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            WHERE w.user_id IN (SELECT d.user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d JOIN users u ON u.id = d.user_id
                                WHERE NOT EXISTS (SELECT 1 FROM media_items m2 WHERE m2.id = d.media_item_id))
            GROUP BY 1, 2
        ) x;
        DELETE FROM watchlist_genre_counts g
        WHERE g.count = 0 AND g.user_id IN (SELECT user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d0);

        INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, d.media_item_id, m.title, sum(d.sign) AS members, sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END)
            FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d
            JOIN family_memberships fm ON fm.user_id = d.user_id
            JOIN families f ON f.id = fm.family_id
            JOIN media_items m ON m.id = d.media_item_id
            GROUP BY fm.family_id, d.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
        member_count = t.member_count + excluded.member_count,
        not_watched_count = t.not_watched_count + excluded.not_watched_count,
        watching_count = t.watching_count + excluded.watching_count,
        completed_count = t.completed_count + excluded.completed_count;
        DELETE FROM family_titles t
        USING (SELECT DISTINCT fm.family_id, d.media_item_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o) d
               JOIN family_memberships fm ON fm.user_id = d.user_id) p
        WHERE t.family_id = p.family_id AND t.media_item_id = p.media_item_id AND t.member_count = 0;
        RETURN NULL;
    END
    $fn$;
    CREATE FUNCTION infocus_summarize_entries_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d0) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d0 ORDER BY 1) x;
        PERFORM 1 FROM media_items m WHERE m.id IN (SELECT media_item_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d0) ORDER BY m.id FOR SHARE;

        INSERT INTO watchlist_totals AS t (id, total, not_watched, watching, completed, rated, rating_sum)
        SELECT d.user_id, sum(d.sign), sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END),
               sum(CASE WHEN d.rating IS NOT NULL THEN d.sign ELSE 0 END), sum(d.sign * coalesce(d.rating, 0))
        FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d JOIN users u ON u.id = d.user_id
        GROUP BY d.user_id
        ORDER BY d.user_id
        ON CONFLICT (id) DO UPDATE SET
            total = t.total + excluded.total,
            not_watched = t.not_watched + excluded.not_watched,
            watching = t.watching + excluded.watching,
            completed = t.completed + excluded.completed,
            rated = t.rated + excluded.rated,
            rating_sum = t.rating_sum + excluded.rating_sum;

        INSERT INTO watchlist_genre_counts AS g (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT d.user_id, left(ge.genre, 64) AS genre, sum(d.sign) AS n
            FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d
            JOIN users u ON u.id = d.user_id
            JOIN media_items m ON m.id = d.media_item_id
            CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            GROUP BY 1, 2
            HAVING sum(d.sign) <> 0
        ) x
        ORDER BY x.user_id, x.genre
        ON CONFLICT (user_id, genre) DO UPDATE SET count = g.count + excluded.count;

        -- Entries of a title being deleted: its genres are gone, so their owners' genre counts are recounted.
        DELETE FROM watchlist_genre_counts g
        WHERE g.user_id IN (SELECT d.user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d
                            WHERE NOT EXISTS (SELECT 1 FROM media_items m WHERE m.id = d.media_item_id));
        INSERT INTO watchlist_genre_counts (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT w.user_id, left(ge.genre, 64) AS genre, count(*) AS n
            FROM watchlist_entries w
            JOIN media_items m ON m.id = w.media_item_id
            CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            WHERE w.user_id IN (SELECT d.user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d JOIN users u ON u.id = d.user_id
                                WHERE NOT EXISTS (SELECT 1 FROM media_items m2 WHERE m2.id = d.media_item_id))
            GROUP BY 1, 2
        ) x;
        DELETE FROM watchlist_genre_counts g
        WHERE g.count = 0 AND g.user_id IN (SELECT user_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d0);

        INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, d.media_item_id, m.title, sum(d.sign) AS members, sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
    sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END)
            FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d
            JOIN family_memberships fm ON fm.user_id = d.user_id
            JOIN families f ON f.id = fm.family_id
            JOIN media_items m ON m.id = d.media_item_id
            GROUP BY fm.family_id, d.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
        member_count = t.member_count + excluded.member_count,
        not_watched_count = t.not_watched_count + excluded.not_watched_count,
        watching_count = t.watching_count + excluded.watching_count,
        completed_count = t.completed_count + excluded.completed_count;
        DELETE FROM family_titles t
        USING (SELECT DISTINCT fm.family_id, d.media_item_id FROM (SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
    UNION ALL
    SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)) d
               JOIN family_memberships fm ON fm.user_id = d.user_id) p
        WHERE t.family_id = p.family_id AND t.media_item_id = p.media_item_id AND t.member_count = 0;
        RETURN NULL;
    END
    $fn$;
    CREATE FUNCTION infocus_summarize_memberships_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM (SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n) d0) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT user_id FROM (SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n) d0 ORDER BY 1) x;

        INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT md.family_id, w.media_item_id, m.title, sum(md.sign) AS members,
                   sum(CASE WHEN w.status = 'not_watched' THEN md.sign ELSE 0 END),
                   sum(CASE WHEN w.status = 'watching' THEN md.sign ELSE 0 END),
                   sum(CASE WHEN w.status = 'completed' THEN md.sign ELSE 0 END)
            FROM (SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n) md
            JOIN families f ON f.id = md.family_id
            JOIN watchlist_entries w ON w.user_id = md.user_id
            JOIN media_items m ON m.id = w.media_item_id
            GROUP BY md.family_id, w.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
        member_count = t.member_count + excluded.member_count,
        not_watched_count = t.not_watched_count + excluded.not_watched_count,
        watching_count = t.watching_count + excluded.watching_count,
        completed_count = t.completed_count + excluded.completed_count;
        DELETE FROM family_titles t
        WHERE t.member_count = 0 AND t.family_id IN (SELECT family_id FROM (SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n) d0);

        -- A member whose account is being deleted: the cascades to its entries and memberships fire together, so
        -- its entries may be gone already and cannot be subtracted; those families are recounted instead.
        DELETE FROM family_titles t
        WHERE t.family_id IN (SELECT d0.family_id FROM (SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id));
        INSERT INTO family_titles (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, w.media_item_id, m.title, count(*),
                   count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
                   count(*) FILTER (WHERE w.status = 'completed')
            FROM family_memberships fm
            JOIN watchlist_entries w ON w.user_id = fm.user_id
            JOIN media_items m ON m.id = w.media_item_id
            WHERE fm.family_id IN (SELECT d0.family_id FROM (SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id))
            GROUP BY fm.family_id, w.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id;
        RETURN NULL;
    END
    $fn$;
    CREATE FUNCTION infocus_summarize_memberships_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o) d0) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT user_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o) d0 ORDER BY 1) x;

        INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT md.family_id, w.media_item_id, m.title, sum(md.sign) AS members,
                   sum(CASE WHEN w.status = 'not_watched' THEN md.sign ELSE 0 END),
                   sum(CASE WHEN w.status = 'watching' THEN md.sign ELSE 0 END),
                   sum(CASE WHEN w.status = 'completed' THEN md.sign ELSE 0 END)
            FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o) md
            JOIN families f ON f.id = md.family_id
            JOIN watchlist_entries w ON w.user_id = md.user_id
            JOIN media_items m ON m.id = w.media_item_id
            GROUP BY md.family_id, w.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
        member_count = t.member_count + excluded.member_count,
        not_watched_count = t.not_watched_count + excluded.not_watched_count,
        watching_count = t.watching_count + excluded.watching_count,
        completed_count = t.completed_count + excluded.completed_count;
        DELETE FROM family_titles t
        WHERE t.member_count = 0 AND t.family_id IN (SELECT family_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o) d0);

        -- A member whose account is being deleted: the cascades to its entries and memberships fire together, so
        -- its entries may be gone already and cannot be subtracted; those families are recounted instead.
        DELETE FROM family_titles t
        WHERE t.family_id IN (SELECT d0.family_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id));
        INSERT INTO family_titles (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, w.media_item_id, m.title, count(*),
                   count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
                   count(*) FILTER (WHERE w.status = 'completed')
            FROM family_memberships fm
            JOIN watchlist_entries w ON w.user_id = fm.user_id
            JOIN media_items m ON m.id = w.media_item_id
            WHERE fm.family_id IN (SELECT d0.family_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id))
            GROUP BY fm.family_id, w.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id;
        RETURN NULL;
    END
    $fn$;
    CREATE FUNCTION infocus_summarize_memberships_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
    UNION ALL
    SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)) d0) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT user_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
    UNION ALL
    SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)) d0 ORDER BY 1) x;

        INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT md.family_id, w.media_item_id, m.title, sum(md.sign) AS members,
                   sum(CASE WHEN w.status = 'not_watched' THEN md.sign ELSE 0 END),
                   sum(CASE WHEN w.status = 'watching' THEN md.sign ELSE 0 END),
                   sum(CASE WHEN w.status = 'completed' THEN md.sign ELSE 0 END)
            FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
    UNION ALL
    SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)) md
            JOIN families f ON f.id = md.family_id
            JOIN watchlist_entries w ON w.user_id = md.user_id
            JOIN media_items m ON m.id = w.media_item_id
            GROUP BY md.family_id, w.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
        member_count = t.member_count + excluded.member_count,
        not_watched_count = t.not_watched_count + excluded.not_watched_count,
        watching_count = t.watching_count + excluded.watching_count,
        completed_count = t.completed_count + excluded.completed_count;
        DELETE FROM family_titles t
        WHERE t.member_count = 0 AND t.family_id IN (SELECT family_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
    UNION ALL
    SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)) d0);

        -- A member whose account is being deleted: the cascades to its entries and memberships fire together, so
        -- its entries may be gone already and cannot be subtracted; those families are recounted instead.
        DELETE FROM family_titles t
        WHERE t.family_id IN (SELECT d0.family_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
    UNION ALL
    SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id));
        INSERT INTO family_titles (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, w.media_item_id, m.title, count(*),
                   count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
                   count(*) FILTER (WHERE w.status = 'completed')
            FROM family_memberships fm
            JOIN watchlist_entries w ON w.user_id = fm.user_id
            JOIN media_items m ON m.id = w.media_item_id
            WHERE fm.family_id IN (SELECT d0.family_id FROM (SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
    UNION ALL
    SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id))
            GROUP BY fm.family_id, w.media_item_id, m.title
        ) x
        ORDER BY x.family_id, x.media_item_id;
        RETURN NULL;
    END
    $fn$;
    CREATE FUNCTION infocus_summarize_media_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
        UPDATE family_titles t SET title = n.title
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE t.media_item_id = n.id AND n.title IS DISTINCT FROM o.title;

        IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.genres IS DISTINCT FROM o.genres) THEN
            RETURN NULL;
        END IF;

        PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
        FROM (SELECT DISTINCT w.user_id FROM watchlist_entries w
              JOIN new_rows n ON n.id = w.media_item_id JOIN old_rows o ON o.id = n.id
              WHERE n.genres IS DISTINCT FROM o.genres ORDER BY 1) x;

        INSERT INTO watchlist_genre_counts AS g (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT w.user_id, left(c.genre, 64) AS genre, sum(c.sign) AS n
            FROM (
                SELECT n.id, ge.genre, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
                CROSS JOIN LATERAL unnest(n.genres) AS ge(genre) WHERE n.genres IS DISTINCT FROM o.genres
                UNION ALL
                SELECT o.id, ge.genre, -1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
                CROSS JOIN LATERAL unnest(o.genres) AS ge(genre) WHERE n.genres IS DISTINCT FROM o.genres
            ) c
            JOIN watchlist_entries w ON w.media_item_id = c.id
            GROUP BY 1, 2
            HAVING sum(c.sign) <> 0
        ) x
        ORDER BY x.user_id, x.genre
        ON CONFLICT (user_id, genre) DO UPDATE SET count = g.count + excluded.count;
        DELETE FROM watchlist_genre_counts g
        WHERE g.count = 0 AND g.user_id IN (SELECT w.user_id FROM watchlist_entries w JOIN new_rows n ON n.id = w.media_item_id);
        RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER summarize_watchlist_entries_insert AFTER INSERT ON watchlist_entries
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_entries_insert();
    CREATE TRIGGER summarize_watchlist_entries_update AFTER UPDATE ON watchlist_entries
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_entries_update();
    CREATE TRIGGER summarize_watchlist_entries_delete AFTER DELETE ON watchlist_entries
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_entries_delete();
    CREATE TRIGGER summarize_family_memberships_insert AFTER INSERT ON family_memberships
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_memberships_insert();
    CREATE TRIGGER summarize_family_memberships_update AFTER UPDATE ON family_memberships
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_memberships_update();
    CREATE TRIGGER summarize_family_memberships_delete AFTER DELETE ON family_memberships
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_memberships_delete();
    CREATE TRIGGER summarize_media_items_update AFTER UPDATE ON media_items
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_summarize_media_update();
    INSERT INTO watchlist_totals (id, total, not_watched, watching, completed, rated, rating_sum)
    SELECT w.user_id, count(*), count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
           count(*) FILTER (WHERE w.status = 'completed'), count(w.rating), coalesce(sum(w.rating), 0)
    FROM watchlist_entries w GROUP BY w.user_id;

    INSERT INTO watchlist_genre_counts (id, user_id, genre, count)
    SELECT infocus_new_id(), x.user_id, x.genre, x.n
    FROM (
        SELECT w.user_id, left(ge.genre, 64) AS genre, count(*) AS n
        FROM watchlist_entries w JOIN media_items m ON m.id = w.media_item_id CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
        GROUP BY 1, 2
    ) x;

    INSERT INTO family_titles (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
    SELECT infocus_new_id(), x.*
    FROM (
        SELECT fm.family_id, w.media_item_id, m.title, count(*),
               count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
               count(*) FILTER (WHERE w.status = 'completed')
        FROM family_memberships fm JOIN watchlist_entries w ON w.user_id = fm.user_id JOIN media_items m ON m.id = w.media_item_id
        GROUP BY fm.family_id, w.media_item_id, m.title
    ) x;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205053500_PerformanceSummaries') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205053500_PerformanceSummaries', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE users ADD region character varying(2);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE media_items ADD popularity numeric(10,3);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE media_items ADD runtime integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE families ADD region character varying(2);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE TABLE notifications (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        type character varying(32) NOT NULL,
        event_key character varying(200) NOT NULL,
        actor_id character varying(32),
        media_item_id character varying(32),
        family_id character varying(32),
        recommendation_id character varying(32),
        tmdb_provider_id integer,
        provider character varying(200),
        region character varying(2),
        read_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_notifications PRIMARY KEY (id),
        CONSTRAINT ck_notifications_type CHECK (type IN ('title_available', 'recommendation_received', 'recommendation_accepted', 'recommendation_rejected', 'invitation_accepted', 'member_joined', 'member_left')),
        CONSTRAINT fk_notifications_families_family_id FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
        CONSTRAINT fk_notifications_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_notifications_recommendations_recommendation_id FOREIGN KEY (recommendation_id) REFERENCES recommendations (id) ON DELETE SET NULL,
        CONSTRAINT fk_notifications_users_actor_id FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT fk_notifications_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE TABLE subscriptions (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        tmdb_provider_id integer NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_subscriptions PRIMARY KEY (id),
        CONSTRAINT fk_subscriptions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE TABLE tonight_picks (
        id character varying(32) NOT NULL,
        family_id character varying(32) NOT NULL,
        media_item_id character varying(32) NOT NULL,
        picked_by_id character varying(32),
        member_ids text[] NOT NULL,
        picked_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_tonight_picks PRIMARY KEY (id),
        CONSTRAINT ck_tonight_picks_members CHECK (cardinality(member_ids) > 0),
        CONSTRAINT fk_tonight_picks_families_family_id FOREIGN KEY (family_id) REFERENCES families (id) ON DELETE CASCADE,
        CONSTRAINT fk_tonight_picks_media_items_media_item_id FOREIGN KEY (media_item_id) REFERENCES media_items (id) ON DELETE CASCADE,
        CONSTRAINT fk_tonight_picks_users_picked_by_id FOREIGN KEY (picked_by_id) REFERENCES users (id) ON DELETE SET NULL
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE TABLE watch_providers (
        id character varying(32) NOT NULL,
        tmdb_provider_id integer NOT NULL,
        name character varying(200) NOT NULL,
        logo_path character varying(255),
        display_priority integer NOT NULL,
        movie_regions text[] NOT NULL,
        tv_regions text[] NOT NULL,
        refreshed_at timestamp with time zone NOT NULL,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_watch_providers PRIMARY KEY (id),
        CONSTRAINT ck_watch_providers_tmdb_provider_id CHECK (tmdb_provider_id > 0)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE users ADD CONSTRAINT ck_users_region CHECK (region ~ '^[A-Z]{2}$');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE media_items ADD CONSTRAINT ck_media_items_runtime CHECK (runtime IS NULL OR (runtime > 0 AND runtime <= 1440));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    ALTER TABLE families ADD CONSTRAINT ck_families_region CHECK (region ~ '^[A-Z]{2}$');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_notifications_actor_id ON notifications (actor_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_notifications_family_id ON notifications (family_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_notifications_media_item_id ON notifications (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_notifications_recommendation_id ON notifications (recommendation_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_notifications_user_id_created_at_id ON notifications (user_id, created_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_notifications_user_id_created_at_id1 ON notifications (user_id, created_at, id) WHERE read_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE UNIQUE INDEX ux_notifications_user_event ON notifications (user_id, event_key);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_subscriptions_tmdb_provider_id ON subscriptions (tmdb_provider_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE UNIQUE INDEX ux_subscriptions_user_provider ON subscriptions (user_id, tmdb_provider_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_tonight_picks_family_id_picked_at_id ON tonight_picks (family_id, picked_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_tonight_picks_media_item_id ON tonight_picks (media_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE INDEX ix_tonight_picks_picked_by_id ON tonight_picks (picked_by_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE UNIQUE INDEX ux_watch_providers_tmdb_provider_id ON watch_providers (tmdb_provider_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    CREATE FUNCTION infocus_touch_watch_providers() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_watch_providers BEFORE UPDATE ON watch_providers
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_watch_providers();
    CREATE FUNCTION infocus_touch_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_subscriptions BEFORE UPDATE ON subscriptions
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_subscriptions();
    CREATE FUNCTION infocus_touch_tonight_picks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.picked_at := OLD.picked_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_tonight_picks BEFORE UPDATE ON tonight_picks
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_tonight_picks();
    CREATE FUNCTION infocus_touch_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_notifications BEFORE UPDATE ON notifications
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_notifications();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205061131_TonightNotifications') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205061131_TonightNotifications', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    ALTER TABLE tonight_picks ADD confirmed_ids text[] NOT NULL DEFAULT ('{}'::text[]);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    CREATE TABLE notification_digests (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        digest_date date NOT NULL,
        notifications_since timestamp with time zone,
        notifications_until timestamp with time zone NOT NULL,
        token_hash bytea NOT NULL,
        send_count integer NOT NULL DEFAULT 1,
        email_status character varying(32) NOT NULL,
        email_enqueued_at timestamp with time zone,
        email_lease_until timestamp with time zone,
        email_sent_at timestamp with time zone,
        email_error character varying(1000),
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_notification_digests PRIMARY KEY (id),
        CONSTRAINT ck_notification_digests_email_status CHECK (email_status IN ('pending', 'sent', 'failed')),
        CONSTRAINT ck_notification_digests_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT fk_notification_digests_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    ALTER TABLE tonight_picks ADD CONSTRAINT ck_tonight_picks_confirmed CHECK (confirmed_ids <@ member_ids);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    CREATE INDEX ix_profiles_daily_digest ON profiles (user_id) WHERE (preferences -> 'notifications' ->> 'email') = 'daily';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    CREATE INDEX ix_notification_digests_not_enqueued ON notification_digests (created_at) WHERE email_enqueued_at IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    CREATE UNIQUE INDEX ux_notification_digests_token_hash ON notification_digests (token_hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    CREATE UNIQUE INDEX ux_notification_digests_user_date ON notification_digests (user_id, digest_date);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    CREATE FUNCTION infocus_touch_notification_digests() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_notification_digests BEFORE UPDATE ON notification_digests
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_notification_digests();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205090224_NotificationDigest') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205090224_NotificationDigest', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    ALTER TABLE title_lookups ADD episode_number integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    ALTER TABLE title_lookups ADD season_number integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    ALTER TABLE imports ADD attempts integer NOT NULL DEFAULT 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    ALTER TABLE import_rows ADD episode_number integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    ALTER TABLE import_rows ADD season_number integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    CREATE INDEX ix_imports_updated_at ON imports (updated_at) WHERE status = ANY (ARRAY['queued', 'running']);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    DELETE FROM title_lookups WHERE key LIKE 'imdb:%' AND media_type = 'tv';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091426_ImportAttempts') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205091426_ImportAttempts', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091455_ProviderRefreshOrder') THEN
    DROP INDEX ix_media_items_providers_refreshed_at;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091455_ProviderRefreshOrder') THEN
    CREATE INDEX ix_media_items_providers_refreshed_at_id ON media_items (providers_refreshed_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091455_ProviderRefreshOrder') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205091455_ProviderRefreshOrder', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE TABLE webhooks (
        id character varying(32) NOT NULL,
        user_id character varying(32) NOT NULL,
        url character varying(2048) NOT NULL,
        events text[] NOT NULL,
        secret character varying(128) NOT NULL,
        consecutive_failures integer NOT NULL,
        disabled_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_webhooks PRIMARY KEY (id),
        CONSTRAINT ck_webhooks_events CHECK (cardinality(events) > 0),
        CONSTRAINT fk_webhooks_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE TABLE webhook_deliveries (
        id character varying(32) NOT NULL,
        webhook_id character varying(32) NOT NULL,
        notification_id character varying(32) NOT NULL,
        event character varying(64) NOT NULL,
        status character varying(32) NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at timestamp with time zone NOT NULL,
        lease_until timestamp with time zone,
        last_attempt_at timestamp with time zone,
        response_status integer,
        error character varying(1000),
        delivered_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL DEFAULT (now()),
        updated_at timestamp with time zone NOT NULL DEFAULT (now()),
        CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id),
        CONSTRAINT ck_webhook_deliveries_status CHECK (status IN ('pending', 'delivered', 'failed')),
        CONSTRAINT fk_webhook_deliveries_notifications_notification_id FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE,
        CONSTRAINT fk_webhook_deliveries_webhooks_webhook_id FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE INDEX ix_webhook_deliveries_next_attempt_at_id ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE INDEX ix_webhook_deliveries_notification_id ON webhook_deliveries (notification_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE INDEX ix_webhook_deliveries_updated_at ON webhook_deliveries (updated_at) WHERE status <> 'pending';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE INDEX ix_webhook_deliveries_webhook_id_created_at_id ON webhook_deliveries (webhook_id, created_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE UNIQUE INDEX ux_webhook_deliveries_webhook_notification ON webhook_deliveries (webhook_id, notification_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE INDEX ix_webhooks_user_id_created_at_id ON webhooks (user_id, created_at, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE UNIQUE INDEX ux_webhooks_user_url ON webhooks (user_id, url);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    CREATE FUNCTION infocus_touch_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_webhooks BEFORE UPDATE ON webhooks
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_webhooks();
    CREATE FUNCTION infocus_touch_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.created_at := OLD.created_at;
        NEW.updated_at := now();
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER touch_webhook_deliveries BEFORE UPDATE ON webhook_deliveries
        FOR EACH ROW EXECUTE FUNCTION infocus_touch_webhook_deliveries();
    CREATE FUNCTION infocus_webhook_deliveries_for_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO webhook_deliveries (id, webhook_id, notification_id, event, status, attempts, next_attempt_at)
        SELECT 'c' || left(md5(w.id || ':' || n.id), 24), w.id, n.id, 'notification.created', 'pending', 0, now()
        FROM inserted_notifications AS n
        JOIN webhooks AS w ON w.user_id = n.user_id
        WHERE w.disabled_at IS NULL
          AND w.events && ARRAY['notification.created', 'notification.' || n.type]::text[]
        ON CONFLICT (webhook_id, notification_id) DO NOTHING;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER webhook_deliveries_for_notifications AFTER INSERT ON notifications
        REFERENCING NEW TABLE AS inserted_notifications
        FOR EACH STATEMENT EXECUTE FUNCTION infocus_webhook_deliveries_for_notifications();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_history WHERE "migration_id" = '20261205091805_Webhooks') THEN
    INSERT INTO __ef_migrations_history (migration_id, product_version)
    VALUES ('20261205091805_Webhooks', '10.0.15');
    END IF;
END $EF$;
COMMIT;


