// A client developer's first journey through the typed client generated from GET /api/openapi.json:
// register, search TMDB, import a title, add it to the watchlist and list the watchlist.
//
//   node journey.mjs <base address, e.g. http://127.0.0.1:7071>
//
// The types come from openapi-typescript (generated/api.d.ts), the calls from openapi-fetch: a request or a response
// that does not match the contract does not compile.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./generated/api.js";

const base = process.argv[2];
if (!base) {
  throw new Error("usage: node journey.mjs <base address>");
}

const api = createClient<paths>({ baseUrl: new URL("/api", base).toString() });

function fail(step: string, response: Response, error: unknown): never {
  throw new Error(`${step} answered ${response.status}: ${JSON.stringify(error)}`);
}

const registered = await api.POST("/auth/register", {
  body: { email: `journey-${Date.now()}@example.com`, password: "correct horse battery staple", name: "Journey Client" },
});
if (!registered.data) fail("register", registered.response, registered.error);
console.log(`registered ${registered.data.user.email}`);

const signedIn: Middleware = {
  onRequest({ request }) {
    request.headers.set("Authorization", `Bearer ${registered.data!.tokens.accessToken}`);
    return request;
  },
};
api.use(signedIn);

const search = await api.GET("/media/search", { params: { query: { query: "fight club", type: "movie" } } });
if (!search.data) fail("search", search.response, search.error);
const found = search.data.items.find((item) => item.title === "Fight Club");
if (!found) throw new Error(`search found no Fight Club among ${search.data.items.length} results`);
console.log(`found ${found.title} (${found.year}), tmdb ${found.tmdbId}`);

const imported = await api.POST("/media", { body: { tmdbId: found.tmdbId, type: found.type } });
if (!imported.data) fail("import", imported.response, imported.error);
console.log(`imported ${imported.data.title} as ${imported.data.id}`);

const added = await api.POST("/watchlist", { body: { mediaItemId: imported.data.id, status: "watching" } });
if (!added.data) fail("add to watchlist", added.response, added.error);
console.log(`added entry ${added.data.id} (${added.data.status}), ETag ${added.response.headers.get("ETag")}`);

const listed = await api.GET("/watchlist", { params: { query: { limit: 10 } } });
if (!listed.data) fail("list", listed.response, listed.error);
if (!listed.data.items.some((entry) => entry.id === added.data.id)) {
  throw new Error("the new entry is not on the watchlist");
}
console.log(`watchlist: ${listed.data.items.map((entry) => `${entry.media.title} (${entry.status})`).join(", ")}`);
console.log("journey complete");
