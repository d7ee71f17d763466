// One wrapper for every server action: who is asking (signed in, or an admin), the database,
// the arguments parsed with their zod schema, and errors mapped to a message fit to show
// (lib/action-result.ts). An action body is then only what the action does.
import type { z } from "zod";
import { runAction, type ActionResult } from "./action-result";
import { requireApiAdmin, requireApiUser } from "./auth/session";
import type { SessionUser } from "./auth/users";
import { getDb, type Db } from "./db/client";
import { AppError } from "./errors";

export type ActionContext = { user: SessionUser; db: Db };

type Args = z.ZodType<unknown[], unknown[]>;

function wrap<S extends Args, T extends object>(
  who: () => Promise<SessionUser>,
  args: S,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): (...input: z.input<S>) => Promise<ActionResult<T>> {
  return async (...input) =>
    runAction(async () => {
      const user = await who();
      const parsed = args.safeParse(input);
      // The arguments come from our own client code: a bad one is a bad request, not a user's typo.
      if (!parsed.success) throw new AppError("bad_request", "That request is not valid.");
      return body(parsed.data, { user, db: await getDb() });
    });
}

/** A server action for the signed-in user; its arguments are a zod tuple. */
export function userAction<S extends Args, T extends object>(
  args: S,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
) {
  return wrap(requireApiUser, args, body);
}

/** The same for admins; anyone else is told it does not exist. */
export function adminAction<S extends Args, T extends object>(
  args: S,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
) {
  return wrap(requireApiAdmin, args, body);
}
