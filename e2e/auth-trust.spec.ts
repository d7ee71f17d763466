// Sign-in, registration and sessions, attacked over HTTP against the production build: forged
// X-Forwarded-For, rate limits (429 + Retry-After, the wait on the page), deep links through
// sign-in, a session cookie reused after sign-out, forged Origin and malformed bodies on server
// actions, and a callbackUrl with a newline. The limits use a second server started here with
// low limits (own port and data directory), as e2e/security.spec.ts does; the rest use the
// suite's server.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { PASSWORD, register, signIn, signOut, uniqueEmail } from "./helpers";
import { startSecondServer, type SecondServer } from "./second-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const LIMITED = `http://127.0.0.1:${PORT}`;
const DIST = process.env.NEXT_DIST_DIR || ".next";
const DATA = `${process.env.E2E_DATA_DIR || ".data/e2e-pglite"}-auth-limits`;
const WAIT = /Try again in 1[45] minutes\./;

let limited: SecondServer | undefined;
const output = () => limited?.output() ?? "";

async function startLimitedServer() {
  limited ??= await startSecondServer({
    port: PORT,
    dataDir: DATA,
    env: { LOGIN_RATE_LIMIT: "3", LOGIN_EMAIL_RATE_LIMIT: "100", REGISTER_RATE_LIMIT: "2", TRUSTED_PROXY_HOPS: "0" },
  });
}

test.afterAll(async () => {
  await limited?.stop();
});

// The header the server sets from the TCP peer (lib/socket-address-hook.ts): a client that sends it
// itself must be overruled, or it could pick a fresh "address" for every attempt.
const FORGED_SOCKET = "x-doable-socket-address";

/** Signs in through next-auth's own API (what a script would do), with a forged X-Forwarded-For. */
async function apiSignIn(
  api: APIRequestContext,
  email: string,
  password: string,
  forwardedFor: string,
  callbackUrl = "/",
) {
  const csrf = await api.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl },
    headers: { "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor, [FORGED_SOCKET]: forwardedFor },
    maxRedirects: 0,
  });
}

async function registerAt(page: Page, base: string, name: string, email: string, forwardedFor?: string) {
  if (forwardedFor) await page.setExtraHTTPHeaders({ "x-forwarded-for": forwardedFor, [FORGED_SOCKET]: forwardedFor });
  await page.goto(`${base}/register`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test.describe("limits (second server: 3 sign-ins per address + email, 2 accounts per address)", () => {
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    await startLimitedServer();
  });

  test("the sign-in API answers 429 with Retry-After, a forged X-Forwarded-For changes nothing, and the page shows the wait", async ({
    browser,
    playwright,
  }) => {
    const email = uniqueEmail("limited");
    const context = await browser.newContext({ baseURL: LIMITED });
    const page = await context.newPage();
    await registerAt(page, LIMITED, "Limited", email);
    await expect(page).toHaveURL(`${LIMITED}/`);
    await signOut(page);

    const api = await playwright.request.newContext({ baseURL: LIMITED });
    for (let i = 0; i < 3; i++) {
      const wrong = await apiSignIn(api, email, "wrong password 123", `198.51.100.${i + 1}`);
      expect(wrong.status()).toBe(302);
      expect(wrong.headers().location).toContain("error=CredentialsSignin");
    }
    // The right password, from yet another forged address: still the same client, still limited.
    const limited = await apiSignIn(api, email, PASSWORD, "203.0.113.99");
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(800);
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(WAIT) } });
    expect(limited.headers()["set-cookie"] ?? "").not.toContain("session-token");
    await api.dispose();

    // The browser is the same client (same socket address): the form says how long to wait.
    await page.goto(`${LIMITED}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      /^Too many sign-in attempts\. Try again in 1[45] minutes\.$/,
    );
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test("registration is limited per address (2 an hour here), whatever X-Forwarded-For says", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: LIMITED });
    const page = await context.newPage();
    // The test above made one account from this address; one more is allowed.
    await registerAt(page, LIMITED, "Second", uniqueEmail("second"), "192.0.2.1");
    await expect(page).toHaveURL(`${LIMITED}/`);
    await signOut(page);
    const refused = uniqueEmail("third");
    await registerAt(page, LIMITED, "Third", refused, "192.0.2.2");
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      /^Too many accounts were created from your network\. Try again in (59|60) minutes\.$/,
    );
    await expect(page).toHaveURL(/\/register/);
    // Nothing was stored for it.
    await signIn(page, refused);
    await expect(page.locator("form").getByRole("alert")).toHaveText(/don't match an account/);
    await context.close();
  });

  test("the limited server logged no internal error", async () => {
    expect(output()).toContain("Ready");
    expect(output()).not.toMatch(/⨯|Error:|digest/);
  });
});

test("a deep link survives sign-in: /c/<id> and /admin/logs?operation=add land where asked", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("deep");
  await register(page, { name: "Deep Link", email });
  const composer = page.getByRole("textbox", { name: "Message Doable" });
  await composer.fill("add follow the link");
  await composer.press("Enter");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const conversation = new URL(page.url()).pathname;
  await signOut(page);

  await page.goto(conversation);
  // The proxy sends a path, not a URL with whatever host the request named.
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(conversation);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === conversation);
  await expect(page.getByText("follow the link").first()).toBeVisible();

  // The admin (a fresh browser, no session): a filtered log view.
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto("/admin/logs?operation=add");
  await expect(admin).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Flogs%3Foperation%3Dadd$/);
  await admin.getByLabel("Email").fill("admin@example.com");
  await admin.getByLabel("Password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin).toHaveURL((url) => url.pathname === "/admin/logs" && url.search === "?operation=add");
  await context.close();
});

test("a callbackUrl with a newline or another site is dropped: no 500, and sign-in goes to /", async ({
  page,
  request,
}) => {
  for (const target of [
    "%0A",
    "/%0A",
    "/c/1%0D%0ASet-Cookie:%20x=1",
    "https://evil.example/",
    "//evil.example",
    "/..//evil.example",
  ]) {
    const response = await request.get(`/login?callbackUrl=${target}`);
    expect(response.status(), target).toBe(200);
  }
  const signin = await request.get("/api/auth/signin?callbackUrl=%0A", { maxRedirects: 0 });
  expect(signin.status()).toBeLessThan(500);

  const email = uniqueEmail("newline");
  await register(page, { name: "Newline", email });
  await signOut(page);
  await page.goto("/login?callbackUrl=/%0A");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");

  // next-auth's API, with the newline in the form field itself.
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const api = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, callbackUrl: "/c/1\nx" },
    maxRedirects: 0,
  });
  expect(api.status()).toBe(302);
  expect(new URL(api.headers().location!).pathname).toBe("/");
});

test.describe("sessions end on sign-out", () => {
  async function captured(browser: Browser) {
    const email = uniqueEmail("revoked");
    const context = await browser.newContext();
    const page = await context.newPage();
    await register(page, { name: "Revoked", email });
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);
    return { email, context, page, cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
  }

  async function expectRefused(request: APIRequestContext, cookie: string) {
    const chat = await request.post("/api/chat", {
      headers: { cookie },
      data: { message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "add replay" }] } },
    });
    expect(chat.status()).toBe(401);
    expect(await chat.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
    const home = await request.get("/", { headers: { cookie }, maxRedirects: 0 });
    expect([303, 307]).toContain(home.status());
    expect(new URL(home.headers().location!, "http://x").pathname).toBe("/login");
    const session = await request.get("/api/auth/session", { headers: { cookie } });
    expect(await session.json()).toBeNull();
    // And the sign-in page does not bounce a revoked session back to / (no redirect loop).
    expect((await request.get("/login", { headers: { cookie }, maxRedirects: 0 })).status()).toBe(200);
  }

  test("a session cookie captured before sign-out is refused after it: 401 from the API, /login for pages", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const { context, page, cookie } = await captured(browser);
    const replay = await playwright.request.newContext({ baseURL });
    // Before sign-out the copy works.
    expect((await replay.get("/", { headers: { cookie }, maxRedirects: 0 })).status()).toBe(200);
    await signOut(page);
    await expectRefused(replay, cookie);
    await replay.dispose();
    await context.close();
  });

  test("“Sign out everywhere” on the account page ends the sessions of other browsers too", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const { email, context, page, cookie } = await captured(browser);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email);
    await expect(otherPage).toHaveURL(/\/$/);

    await page.getByTestId("user-name").click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await playwright.request.newContext({ baseURL });
    await expectRefused(replay, cookie);
    await replay.dispose();
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/login/);
    // Signing in again works and gives a fresh, working session.
    await signIn(otherPage, email);
    await expect(otherPage).toHaveURL(/\/$/);
    await expect(otherPage.getByTestId("user-name")).toHaveText(/Revoked/);
    await other.close();
    await context.close();
  });
});

test.describe("server actions", () => {
  /** The id of the sign-in form's server action, from the build's action manifest. */
  function loginActionId(): string {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(DIST, "server", "server-reference-manifest.json"), "utf8"),
    ) as {
      node: Record<string, { exportedName?: string }>;
    };
    const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === "loginAction")?.[0];
    expect(id).toBeTruthy();
    return id!;
  }

  test("a forged Origin is refused with 403 and runs nothing", async ({ request, baseURL }) => {
    const action = loginActionId();
    const body = '[{},"$K1"]';
    const headers = { "next-action": action, "content-type": "text/plain;charset=UTF-8" };
    const own = await request.post("/login", { headers: { ...headers, origin: baseURL! }, data: body });
    expect(own.status()).toBe(200);
    for (const origin of ["http://evil.example", "null", "not a url", `${baseURL}.evil.example`]) {
      const forged = await request.post("/login", { headers: { ...headers, origin }, data: body });
      expect(forged.status(), origin).toBe(403);
      expect(await forged.json()).toEqual({
        error: { code: "forbidden", message: "This request did not come from Doable." },
      });
    }
    // A forged X-Forwarded-Host does not make another origin look like this site (no proxy is trusted)…
    const viaHost = await request.post("/login", {
      headers: { ...headers, origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      data: body,
    });
    expect(viaHost.status()).toBe(403);
    // …nor does it break the real one (Next compared Origin with it: a 500 before).
    const realWithForgedHost = await request.post("/login", {
      headers: { ...headers, origin: baseURL!, "x-forwarded-host": "evil.example" },
      data: body,
    });
    expect(realWithForgedHost.status()).toBe(200);
  });

  test("malformed action bodies get 400, and wrong arguments a clear answer, never a 500", async ({
    request,
    baseURL,
  }) => {
    const action = loginActionId();
    const headers = { "next-action": action, origin: baseURL!, "content-type": "text/plain;charset=UTF-8" };
    for (const body of ["garbage{", "", "[", '{"a":1}', '"$@1"', '["$Q1"]', '["$@1"]', '["$1"]', '["$nxyz"]']) {
      const response = await request.post("/login", { headers, data: body });
      expect(response.status(), body).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
    const multipart = await request.post("/login", {
      headers: { ...headers, "content-type": "multipart/form-data; boundary=xyz" },
      data: "garbage",
    });
    expect(multipart.status()).toBe(400);
    const noScriptForm = await request.post("/login", {
      headers: { origin: baseURL!, "content-type": "multipart/form-data; boundary=xyz" },
      data: "garbage",
    });
    expect(noScriptForm.status()).toBe(400);
    // Decodable, but not the form the page sends: the action answers, it does not crash.
    const wrongArgs = await request.post("/login", { headers, data: '["$K1"]' });
    expect(wrongArgs.status()).toBe(200);
    expect(await wrongArgs.text()).toContain("The form could not be read.");
  });
});
