import { unstable_rethrow } from "next/navigation";
import { AppError } from "./errors";

/** What a server action returns to the browser: data, or a message fit to show as is. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; message: string };

/** Runs a server action's body; AppErrors become their message, anything else a generic one (and a server log). */
export async function runAction<T extends object>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await body()) };
  } catch (error) {
    // redirect() and notFound() are Next's control flow, not failures: let Next act on them.
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}
