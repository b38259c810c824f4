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


