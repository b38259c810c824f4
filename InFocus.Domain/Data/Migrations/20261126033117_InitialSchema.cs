using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        private static readonly (string Table, string Created, string Updated)[] TimestampedTables =
            [
                ("users", "created_at", "updated_at"),
                ("profiles", "created_at", "updated_at"),
                ("sessions", "created_at", "updated_at"),
                ("refresh_tokens", "created_at", "updated_at"),
                ("login_failures", "created_at", "updated_at"),
                ("media_items", "created_at", "updated_at"),
                ("streaming_providers", "added_at", "updated_at"),
                ("watchlist_entries", "date_added", "date_updated"),
                ("families", "created_at", "updated_at"),
                ("family_memberships", "joined_at", "updated_at"),
                ("family_invitations", "created_at", "updated_at"),
                ("recommendations", "created_at", "updated_at"),
            ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "login_failures",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_failures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "media_items",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tmdb_id = table.Column<int>(type: "integer", nullable: false),
                    tmdb_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    poster_path = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    backdrop_path = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    release_date = table.Column<DateOnly>(type: "date", nullable: true),
                    rating = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    genres = table.Column<List<string>>(type: "text[]", nullable: false),
                    creators = table.Column<List<string>>(type: "text[]", nullable: false),
                    providers_refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_items", x => x.id);
                    table.CheckConstraint("ck_media_items_rating", "rating IS NULL OR (rating >= 0 AND rating <= 10)");
                    table.CheckConstraint("ck_media_items_tmdb_id_positive", "tmdb_id > 0");
                    table.CheckConstraint("ck_media_items_tmdb_type", "tmdb_type IN ('movie', 'tv')");
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.CheckConstraint("ck_users_email_normalized", "email = lower(btrim(email))");
                });

            migrationBuilder.CreateTable(
                name: "streaming_providers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tmdb_provider_id = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    offer_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    logo_path = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_streaming_providers", x => x.id);
                    table.CheckConstraint("ck_streaming_providers_offer_type", "offer_type IN ('subscription', 'free', 'ads', 'rent', 'buy')");
                    table.CheckConstraint("ck_streaming_providers_regions", "cardinality(regions) > 0");
                    table.ForeignKey(
                        name: "fk_streaming_providers_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "families",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_by_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_families", x => x.id);
                    table.ForeignKey(
                        name: "fk_families_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    bio = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    avatar = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    preferences = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiles", x => x.id);
                    table.CheckConstraint("ck_profiles_preferences_object", "jsonb_typeof(preferences) = 'object'");
                    table.ForeignKey(
                        name: "fk_profiles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recommended_by_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recommended_to_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                    table.CheckConstraint("ck_recommendations_not_to_self", "recommended_by_id <> recommended_to_id");
                    table.CheckConstraint("ck_recommendations_status", "status IN ('pending', 'accepted', 'rejected')");
                    table.ForeignKey(
                        name: "fk_recommendations_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recommendations_users_recommended_by_id",
                        column: x => x.recommended_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recommendations_users_recommended_to_id",
                        column: x => x.recommended_to_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_revoked_reason", "revoked_reason IN ('logout', 'logout_all', 'ended', 'password_changed', 'refresh_token_reuse')");
                    table.ForeignKey(
                        name: "fk_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_entries",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    date_added = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    date_updated = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlist_entries", x => x.id);
                    table.CheckConstraint("ck_watchlist_entries_rating", "rating IS NULL OR (rating >= 1 AND rating <= 10)");
                    table.CheckConstraint("ck_watchlist_entries_status", "status IN ('not_watched', 'watching', 'completed')");
                    table.ForeignKey(
                        name: "fk_watchlist_entries_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_watchlist_entries_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_invitations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    family_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    invited_by_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    send_count = table.Column<int>(type: "integer", nullable: false),
                    email_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email_enqueued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_invitations", x => x.id);
                    table.CheckConstraint("ck_family_invitations_accepted_at", "(status = 'accepted') = (accepted_at IS NOT NULL)");
                    table.CheckConstraint("ck_family_invitations_email_normalized", "email = lower(btrim(email))");
                    table.CheckConstraint("ck_family_invitations_email_status", "email_status IN ('pending', 'sent', 'failed')");
                    table.CheckConstraint("ck_family_invitations_status", "status IN ('pending', 'accepted', 'declined', 'expired', 'revoked')");
                    table.CheckConstraint("ck_family_invitations_token_hash_length", "octet_length(token_hash) = 32");
                    table.ForeignKey(
                        name: "fk_family_invitations_families_family_id",
                        column: x => x.family_id,
                        principalTable: "families",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_family_invitations_users_invited_by_id",
                        column: x => x.invited_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "family_memberships",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    family_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_memberships", x => x.id);
                    table.CheckConstraint("ck_family_memberships_role", "role IN ('admin', 'member')");
                    table.ForeignKey(
                        name: "fk_family_memberships_families_family_id",
                        column: x => x.family_id,
                        principalTable: "families",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_family_memberships_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    session_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked = table.Column<bool>(type: "boolean", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_refresh_tokens", x => x.id);
                    table.CheckConstraint("ck_refresh_tokens_revocation", "revoked = (revoked_at IS NOT NULL)");
                    table.CheckConstraint("ck_refresh_tokens_token_hash_length", "octet_length(token_hash) = 32");
                    table.ForeignKey(
                        name: "fk_refresh_tokens_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_refresh_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_families_created_by_id",
                table: "families",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_invitations_email_status",
                table: "family_invitations",
                columns: new[] { "email", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_family_invitations_invited_by_id",
                table: "family_invitations",
                column: "invited_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_invitations_not_enqueued",
                table: "family_invitations",
                column: "created_at",
                filter: "email_enqueued_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_family_invitations_status_expires_at",
                table: "family_invitations",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ux_family_invitations_family_email",
                table: "family_invitations",
                columns: new[] { "family_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_family_invitations_token_hash",
                table: "family_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_memberships_family_id_role",
                table: "family_memberships",
                columns: new[] { "family_id", "role" });

            migrationBuilder.CreateIndex(
                name: "ux_family_memberships_user_family",
                table: "family_memberships",
                columns: new[] { "user_id", "family_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_login_failures_attempted_at",
                table: "login_failures",
                column: "attempted_at");

            migrationBuilder.CreateIndex(
                name: "ix_login_failures_client_address_attempted_at",
                table: "login_failures",
                columns: new[] { "client_address", "attempted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_login_failures_email_attempted_at",
                table: "login_failures",
                columns: new[] { "email", "attempted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_media_items_providers_refreshed_at",
                table: "media_items",
                column: "providers_refreshed_at");

            migrationBuilder.CreateIndex(
                name: "ix_media_items_title",
                table: "media_items",
                column: "title");

            migrationBuilder.CreateIndex(
                name: "ux_media_items_tmdb",
                table: "media_items",
                columns: new[] { "tmdb_id", "tmdb_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_profiles_user_id",
                table: "profiles",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_media_item_id",
                table: "recommendations",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_recommended_by_id_status_created_at_id",
                table: "recommendations",
                columns: new[] { "recommended_by_id", "status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_recommended_to_id_status_created_at_id",
                table: "recommendations",
                columns: new[] { "recommended_to_id", "status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_status",
                table: "recommendations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_recommendations_pending",
                table: "recommendations",
                columns: new[] { "recommended_by_id", "recommended_to_id", "media_item_id" },
                unique: true,
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_expires_at",
                table: "refresh_tokens",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_session_id",
                table: "refresh_tokens",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_user_id",
                table: "refresh_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_refresh_tokens_token_hash",
                table: "refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_expires_at",
                table: "sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_user_id",
                table: "sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_streaming_providers_regions",
                table: "streaming_providers",
                column: "regions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ux_streaming_providers_offer",
                table: "streaming_providers",
                columns: new[] { "media_item_id", "tmdb_provider_id", "offer_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_users_email",
                table: "users",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_media_item_id",
                table: "watchlist_entries",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_status",
                table: "watchlist_entries",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_user_id_date_added_id",
                table: "watchlist_entries",
                columns: new[] { "user_id", "date_added", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_user_id_date_updated_id",
                table: "watchlist_entries",
                columns: new[] { "user_id", "date_updated", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_watchlist_entries_user_media",
                table: "watchlist_entries",
                columns: new[] { "user_id", "media_item_id" },
                unique: true);

            foreach (var (table, created, updated) in TimestampedTables)
            {
                migrationBuilder.Sql(TimestampTriggers.Create(table, created, updated));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _, _) in TimestampedTables)
            {
                migrationBuilder.Sql(TimestampTriggers.Drop(table));
            }

            migrationBuilder.DropTable(
                name: "family_invitations");

            migrationBuilder.DropTable(
                name: "family_memberships");

            migrationBuilder.DropTable(
                name: "login_failures");

            migrationBuilder.DropTable(
                name: "profiles");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "refresh_tokens");

            migrationBuilder.DropTable(
                name: "streaming_providers");

            migrationBuilder.DropTable(
                name: "watchlist_entries");

            migrationBuilder.DropTable(
                name: "families");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "media_items");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
