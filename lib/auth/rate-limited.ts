import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { CredentialsSignin } from "next-auth";

/** Thrown from authorize() when a sign-in limit is used up; carries the wait. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(
    readonly retryAfterSeconds: number,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

// next-auth turns an authorize() error into a redirect to /login?error=…&code=…, which has no
// room for the wait: the sign-in route (./handlers.ts) learns of it through this instead.
const attempts = new AsyncLocalStorage<{ limited?: SignInRateLimited }>();

export function reportLimited(error: SignInRateLimited): void {
  const store = attempts.getStore();
  if (store) store.limited = error;
}

/** Runs a sign-in request and tells whether a limit stopped it. */
export async function watchSignIn(
  run: () => Promise<Response>,
): Promise<{ response: Response; limited?: SignInRateLimited }> {
  const store: { limited?: SignInRateLimited } = {};
  const response = await attempts.run(store, run);
  return { response, limited: store.limited };
}
