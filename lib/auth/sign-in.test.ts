// Sign-in limits against a real database: attempts are counted before the password check, so
// parallel guesses cannot outrun the limit; the address comes from the socket, not from
// X-Forwarded-For; and one email has a limit of its own, whatever the address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase } from "@/test/support/db";
import { AppError } from "@/lib/errors";
import type { ClientInfo } from "@/lib/audit/client";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "@/lib/client-address";
import { attemptSignIn, signInKeys } from "./sign-in";
import { authenticate } from "./users";
import { registerUser } from "./users";

vi.hoisted(() => {
  process.env.LOGIN_RATE_LIMIT = "10";
  process.env.LOGIN_EMAIL_RATE_LIMIT = "25";
});

const PASSWORD = "correct horse battery";
const WRONG = "wrong password 123";
let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

/** The real password check, counting how often it runs. */
function countingCheck() {
  const counter = {
    calls: 0,
    check: (async (...args: Parameters<typeof authenticate>) => {
      counter.calls++;
      return authenticate(...args);
    }) as typeof authenticate,
  };
  return counter;
}

async function newUser(prefix: string): Promise<string> {
  const email = `${prefix}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await registerUser(handle.db, { email, name: prefix, password: PASSWORD });
  return email;
}

/** The headers a request from `socket` arrives with, as the socket-address hook leaves them. */
function from(socket: string, forwardedFor?: string): Headers {
  const h = new Headers({ [SOCKET_ADDRESS_HEADER]: socket });
  if (forwardedFor) h.set("x-forwarded-for", forwardedFor);
  return h;
}

/** A client at this address (the audit trail's user agent does not matter here). */
const by = (ip: string): ClientInfo => ({ ip, userAgent: null });

async function outcome(p: Promise<unknown>): Promise<"user" | "wrong" | "limited"> {
  try {
    return (await p) ? "user" : "wrong";
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return "limited";
    throw error;
  }
}

describe("sign-in limits", () => {
  it("lets only 10 of 40 parallel guesses reach the password check; the right password after them is refused unchecked", async () => {
    const email = await newUser("burst");
    const counter = countingCheck();
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        outcome(attemptSignIn(handle.db, { email, password: WRONG }, by("198.51.100.1"), counter.check)),
      ),
    );
    expect(counter.calls).toBe(10);
    expect(results.filter((r) => r === "wrong")).toHaveLength(10);
    expect(results.filter((r) => r === "limited")).toHaveLength(30);

    const right = attemptSignIn(handle.db, { email, password: PASSWORD }, by("198.51.100.1"), counter.check);
    await expect(right).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
      message: expect.stringMatching(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/),
    });
    await right.catch((e: AppError) => expect(e.details?.retryAfterSeconds).toBeGreaterThan(800));
    expect(counter.calls).toBe(10);
  });

  it("ignores X-Forwarded-For when no proxy is trusted: a new forged value does not get new attempts", async () => {
    const email = await newUser("forged");
    for (let i = 0; i < 10; i++) {
      const address = clientAddress(from("203.0.113.50", `10.0.0.${i}`), 0);
      expect(await outcome(attemptSignIn(handle.db, { email, password: WRONG }, by(address)))).toBe("wrong");
    }
    const address = clientAddress(from("203.0.113.50", "10.9.9.9, 172.16.0.1"), 0);
    expect(address).toBe("203.0.113.50");
    expect(await outcome(attemptSignIn(handle.db, { email, password: PASSWORD }, by(address)))).toBe("limited");
    // Another client (another socket address) is not locked out by this one.
    expect(
      await outcome(
        attemptSignIn(handle.db, { email, password: PASSWORD }, by(clientAddress(from("203.0.113.51"), 0))),
      ),
    ).toBe("user");
  });

  it("with one trusted proxy, keys on the address that proxy appended, not on what the client wrote before it", async () => {
    const email = await newUser("proxied");
    for (let i = 0; i < 10; i++) {
      const address = clientAddress(from("10.0.0.2", `6.6.6.${i}, 198.51.100.77`), 1);
      expect(address).toBe("198.51.100.77");
      await attemptSignIn(handle.db, { email, password: WRONG }, by(address));
    }
    expect(
      await outcome(
        attemptSignIn(
          handle.db,
          { email, password: PASSWORD },
          by(clientAddress(from("10.0.0.2", "7.7.7.7, 198.51.100.77"), 1)),
        ),
      ),
    ).toBe("limited");
  });

  it("limits one email across addresses (25 in 15 minutes), leaving other emails alone", async () => {
    const email = await newUser("spread");
    const other = await newUser("bystander");
    const addresses = ["192.0.2.1", "192.0.2.2", "192.0.2.3"];
    const counter = countingCheck();
    for (let i = 0; i < 25; i++)
      await attemptSignIn(handle.db, { email, password: WRONG }, by(addresses[Math.floor(i / 10)]!), counter.check);
    expect(counter.calls).toBe(25);
    expect(
      await outcome(attemptSignIn(handle.db, { email, password: PASSWORD }, by("192.0.2.99"), counter.check)),
    ).toBe("limited");
    expect(counter.calls).toBe(25);
    expect(await outcome(attemptSignIn(handle.db, { email: other, password: PASSWORD }, by("192.0.2.1")))).toBe("user");
  });

  it("a success clears the address's count and gives back only its own point of the email's", async () => {
    const email = await newUser("owner");
    for (let i = 0; i < 9; i++) await attemptSignIn(handle.db, { email, password: WRONG }, by("192.0.2.40"));
    expect(await outcome(attemptSignIn(handle.db, { email, password: PASSWORD }, by("192.0.2.40")))).toBe("user");
    const keys = signInKeys(email, "192.0.2.40");
    expect(await handle.db.rateLimit.findUnique({ where: { key: `login:${keys.perAddress}` } })).toBeNull();
    expect(
      (await handle.db.rateLimit.findUniqueOrThrow({ where: { key: `loginEmail:${keys.perEmail}` } })).points,
    ).toBe(9);
    // Ten fresh attempts from this address are checked again.
    const counter = countingCheck();
    for (let i = 0; i < 10; i++)
      expect(await outcome(attemptSignIn(handle.db, { email, password: WRONG }, by("192.0.2.40"), counter.check))).toBe(
        "wrong",
      );
    expect(counter.calls).toBe(10);
  });

  it("counts nothing and checks nothing for input that is not an email and password", async () => {
    const counter = countingCheck();
    const before = await handle.db.rateLimit.count();
    for (const bad of [
      {},
      { email: "not-an-email", password: "x" },
      { email: "a@example.com", password: "" },
      null,
      "text",
    ]) {
      expect(await attemptSignIn(handle.db, bad, by("192.0.2.60"), counter.check)).toBeNull();
    }
    expect(counter.calls).toBe(0);
    expect(await handle.db.rateLimit.count()).toBe(before);
  });

  it("keeps long emails within the key column (255 characters)", async () => {
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`;
    expect(email.length).toBeLessThanOrEqual(254);
    const keys = signInKeys(email, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    expect(`login:${keys.perAddress}`.length).toBeLessThan(255);
    expect(
      await outcome(
        attemptSignIn(handle.db, { email, password: WRONG }, by("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
      ),
    ).toBe("wrong");
  });
});
