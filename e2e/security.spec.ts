// Security basics against the production build. Most checks use the suite's server; the rate
// limits and the server-log check use a second server started here from the same build (own
// port and data directory, LOGIN_RATE_LIMIT=3, CHAT_RATE_LIMIT=5, output captured), because the
// suite's server runs with a high sign-in limit and its output is not readable from a test.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { ADMIN_STATE, PASSWORD, register, uniqueEmail } from "./helpers";
import { startSecondServer, type SecondServer } from "./second-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const OTHER = `http://127.0.0.1:${PORT}`;
const DIST = process.env.NEXT_DIST_DIR || ".next";
const DATA = `${process.env.E2E_DATA_DIR || ".data/e2e-pglite"}-limits`;
/** What a password hash (or the column holding one) looks like wherever it might leak. */
const HASH = /\$argon2|password_?hash/i;

let second: SecondServer | undefined;
const output = () => second?.output() ?? "";

test.beforeAll(async () => {
  test.setTimeout(600_000);
  second = await startSecondServer({ port: PORT, dataDir: DATA, env: { LOGIN_RATE_LIMIT: "3", CHAT_RATE_LIMIT: "5" } });
});

test.afterAll(async () => {
  await second?.stop();
});

function expectSecurityHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/frame-ancestors 'none'/);
  expect(csp, what).toMatch(/default-src 'self'/);
  expect(csp, what).toMatch(/object-src 'none'/);
  expect(csp, what).not.toMatch(/unsafe-eval/);
  // Scripts never run inline without a nonce.
  expect(csp.match(/script-src [^;]*/)?.[0], what).not.toMatch(/unsafe-inline/);
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["permissions-policy"], what).toMatch(/camera=\(\)/);
  expect(h["x-powered-by"], what).toBeUndefined();
}

test("HTML and script in a message and a task title render as text: no dialog, no injected element", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await register(page, { name: "Xavier <b>Bold</b>", email: uniqueEmail("xss") });
  const payload = `add <img src=x onerror=alert(1)> <script>alert(2)</script> <svg onload=alert(3)> **md** [link](javascript:alert(4))`;
  const composer = page.getByRole("textbox", { name: "Message Doable" });
  await composer.fill(payload);
  await composer.press("Enter");
  await expect(page.getByTestId("task-card")).toBeVisible();
  // The user's own words are shown literally.
  await expect(page.getByText("<script>alert(2)</script>").first()).toBeVisible();
  await page.reload(); // and again when rendered from the database by the server
  await expect(page.getByText("<script>alert(2)</script>").first()).toBeVisible();
  await expect(page.getByText("<img src=x onerror=alert(1)>").first()).toBeVisible();
  await page.waitForTimeout(500); // give an injected handler the chance to run
  expect(dialogs).toEqual([]);
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    svgHandlers: document.querySelectorAll("svg[onload]").length,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.trim() === "alert(2)").length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    bold: [...document.querySelectorAll("b")].filter((b) => b.textContent === "Bold").length,
  }));
  expect(injected).toEqual({ images: 0, svgHandlers: 0, scripts: 0, javascriptLinks: 0, bold: 0 });
});

test("security headers on pages, redirects, APIs, errors and static files", async ({ request }) => {
  const login = await request.get("/login");
  expectSecurityHeaders(login, "/login");
  const html = await login.text();
  const script = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(script).toBeTruthy();
  const checks: [string, Promise<APIResponse>][] = [
    ["/ (redirect)", request.get("/", { maxRedirects: 0 })],
    ["/api/chat (401)", request.post("/api/chat", { data: {} })],
    ["/api/health", request.get("/api/health")],
    ["/api/auth/session", request.get("/api/auth/session")],
    ["/nope (404)", request.get("/nope-404", { maxRedirects: 0 })],
    [script!, request.get(script!)],
  ];
  for (const [what, response] of checks) expectSecurityHeaders(await response, what);
});

test("a page runs only the scripts that carry its request's nonce", async ({ page, request }) => {
  const nonceOf = (csp: string) => csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/)?.[1];
  const first = await request.get("/login");
  const second = await request.get("/register");
  const nonce = nonceOf(first.headers()["content-security-policy"] ?? "");
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"] ?? "")).not.toBe(nonce);
  // Every script tag of the page carries this response's nonce; none runs without it.
  const tags = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  // Responses that are not pages allow no inline script at all.
  expect(nonceOf((await request.get("/api/health")).headers()["content-security-policy"] ?? "")).toBeUndefined();

  // In the browser: the app works under the policy (nothing of ours is blocked), the theme
  // script runs before paint, and an injected inline handler does not run.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await register(page, { name: "Nonce Tester", email: uniqueEmail("csp") });
  await page.evaluate(() => localStorage.setItem("doable-theme", "dark"));
  await page.reload();
  await expect(page.locator("head style#doable-theme")).toHaveCount(1);
  await page.getByRole("textbox", { name: "Message Doable" }).fill("add water the plants");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Tasks" }).getByText("water the plants")).toBeVisible();
  expect(violations).toEqual([]);
  // Markup that reaches the page (the XSS shape): its inline handler is blocked by the policy
  // alone (React would never render it; this inserts it directly).
  const ran = await page.evaluate(async () => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="data:," onload="window.__injected = true" onerror="window.__injected = true">`;
    document.body.appendChild(holder);
    await new Promise((r) => setTimeout(r, 200));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
  for (const v of violations) expect(v).toMatch(/inline event handler/);
});

test("the session cookie is httpOnly and SameSite=Lax; with https it is __Secure- and Secure", async ({
  page,
  playwright,
  baseURL,
}) => {
  const email = uniqueEmail("cookie");
  await register(page, { name: "Cookie", email });
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // Over plain http (this test server) browsers would drop a Secure cookie, so Auth.js sets it
  // only when the request is https. Behind a TLS proxy it learns that from X-Forwarded-Proto
  // (trustHost): sign in that way and read the Set-Cookie header it answers with.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-proto": "https" } });
  const csrf = await api.get("/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("csrf-token"))!.value;
  expect(csrfCookie).toMatch(/^__Host-authjs\.csrf-token=/);
  expect(csrfCookie).toMatch(/;\s*Secure/i);
  const signedIn = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: PASSWORD, callbackUrl: "/" },
    headers: { cookie: csrfCookie.split(";")[0]! },
    maxRedirects: 0,
  });
  const session =
    signedIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"))
      ?.value ?? "";
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  await api.dispose();
});

test("no password hash in any page or API response, signed in as a user and as the admin", async ({
  page,
  browser,
}) => {
  await register(page, { name: "Hash Check", email: uniqueEmail("hash") });
  const composer = page.getByRole("textbox", { name: "Message Doable" });
  await composer.fill("add check the hashes");
  await composer.press("Enter");
  await expect(page).toHaveURL(/\/c\//);
  const paths = ["/", page.url(), "/api/auth/session", "/api/health"];
  for (const p of paths) expect(await (await page.request.get(p)).text(), p).not.toMatch(HASH);
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  for (const p of ["/admin/logs", "/api/admin/logs/export", "/api/auth/session"])
    expect(await (await admin.request.get(p)).text(), p).not.toMatch(HASH);
  await admin.close();
});

test("sign-in rate limit: after 3 failed attempts the form says so, even with the right password", async ({ page }) => {
  const email = uniqueEmail("limited");
  await page.goto(`${OTHER}/register`);
  await page.getByLabel("Name").fill("Limited");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${OTHER}/`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  for (let i = 0; i < 3; i++) {
    await signInAt(page, email, "wrong password 123");
    await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  }
  await signInAt(page, email, PASSWORD);
  await expect(page.getByText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

async function signInAt(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto(`${OTHER}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("chat rate limit: the 6th message in a minute gets 429 with Retry-After and a clear message", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: OTHER });
  const page = await context.newPage();
  await page.goto("/register");
  await page.getByLabel("Name").fill("Chatty");
  await page.getByLabel("Email").fill(uniqueEmail("chatty"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${OTHER}/`);
  const statuses: number[] = [];
  let limited: APIResponse | null = null;
  for (let i = 0; i < 6; i++) {
    const response = await page.request.post("/api/chat", {
      data: { message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: `hello ${i}` }] } },
    });
    statuses.push(response.status());
    if (response.status() === 429) limited = response;
    else await response.body();
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited!.json()).toEqual({
    error: { code: "rate_limited", message: "You are sending messages too quickly. Please wait a moment." },
  });
  await context.close();
});

test("the server never logs a password or a password hash (register, sign-in, failed sign-ins, chat)", async () => {
  // Runs after the tests above drove the second server through all of those.
  expect(output()).toContain("Ready");
  expect(output()).not.toContain(PASSWORD);
  expect(output()).not.toContain("wrong password 123");
  expect(output()).not.toMatch(HASH);
});

test("no secrets in the client bundles", async () => {
  const root = path.join(DIST, "static");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(js|css|json|txt|html|map)$/.test(entry.name)) files.push(p);
    }
  };
  walk(root);
  expect(files.length).toBeGreaterThan(5);
  const secrets = [
    fs.readFileSync(".data/auth-secret", "utf8").trim(),
    process.env.AUTH_SECRET,
    process.env.OPENAI_API_KEY,
  ].filter((s): s is string => Boolean(s && s.trim().length >= 8));
  expect(secrets.length).toBeGreaterThan(0);
  const names = [
    "DATABASE_URL",
    "AUTH_SECRET",
    "OPENAI_API_KEY",
    "TEST_DATABASE_URL",
    "password_hash",
    "passwordHash",
    "$argon2",
    "BEGIN PRIVATE KEY",
  ];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const secret of secrets) expect(text.includes(secret), `${file} holds a secret value`).toBe(false);
    for (const name of names) expect(text.includes(name), `${file} mentions ${name}`).toBe(false);
  }
});
