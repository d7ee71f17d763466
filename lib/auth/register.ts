import "server-only";
import type { ClientInfo } from "@/lib/audit/client";
import type { Db } from "@/lib/db/client";
import { consume } from "@/lib/rate-limit";
import { registerUser, type SessionUser } from "./users";
import type { RegisterInput } from "./schemas";

/**
 * Registration from a client address, limited per address (REGISTER_RATE_LIMIT an hour).
 * The attempt is counted before the account is made, atomically in the database every app
 * instance shares, so parallel requests cannot slip past the limit; a refused duplicate email
 * counts too, which also slows probing for who has an account. Throws the 429 AppError.
 * The new account is recorded in the audit trail with this client's address and user agent.
 */
export async function registerFrom(db: Db, input: RegisterInput, client: ClientInfo): Promise<SessionUser> {
  await consume("register", client.ip, db);
  return registerUser(db, input, client);
}
