// A client developer's first journey through the typed client generated from GET /api/openapi.json:
// register, open the emailed verification link (read from smtp4dev, as the person would from their inbox), search
// TMDB, import a title, add it to the watchlist and list the watchlist.
//
//   node journey.mjs <base address, e.g. http://127.0.0.1:7071> <smtp4dev address, e.g. http://127.0.0.1:5080>
//
// The types come from openapi-typescript (generated/api.d.ts), the calls from openapi-fetch: a request or a response
// that does not match the contract does not compile.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./generated/api.js";

const [base, smtp4dev] = process.argv.slice(2);
if (!base || !smtp4dev) {
  throw new Error("usage: node journey.mjs <base address> <smtp4dev address>");
}

const api = createClient<paths>({ baseUrl: new URL("/api", base).toString() });

function fail(step: string, response: Response, error: unknown): never {
  throw new Error(`${step} answered ${response.status}: ${JSON.stringify(error)}`);
}

/** The token of the verification link in the email to `address`, once smtp4dev has it. */
async function verificationToken(address: string): Promise<string> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const list = await fetch(new URL(`/api/messages?searchTerms=${encodeURIComponent(address)}`, smtp4dev));
    const messages = ((await list.json()) as { results: { id: string }[] }).results;
    for (const message of messages) {
      const text = await (await fetch(new URL(`/api/messages/${message.id}/plaintext`, smtp4dev))).text();
      const link = /\/api\/verify-email\/([A-Za-z0-9_-]{43})/.exec(text);
      if (link) return link[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no verification email reached ${address}`);
}

const email = `journey-${Date.now()}@example.com`;
const registered = await api.POST("/auth/register", {
  body: { email, password: "correct horse battery staple", name: "Journey Client" },
});
if (!registered.data) fail("register", registered.response, registered.error);
console.log(`registration accepted: ${registered.data.message}`);

const verified = await api.POST("/auth/verify-email", { body: { token: await verificationToken(email) } });
if (!verified.data) fail("verify", verified.response, verified.error);
console.log(`verified and signed in as ${verified.data.user.email}`);

const signedIn: Middleware = {
  onRequest({ request }) {
    request.headers.set("Authorization", `Bearer ${verified.data!.tokens.accessToken}`);
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
