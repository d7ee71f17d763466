import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consume, ensureNotLimited, resetLimit } from "@/lib/rate-limit";
import { authConfig } from "./config";
import { loginSchema } from "./schemas";
import { authenticate } from "./users";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

function clientIp(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an answer, not a server fault: keep it (and its stack) out of the logs.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const key = `${email}|${clientIp(request)}`;
        try {
          await ensureNotLimited("login", key);
        } catch (error) {
          if (error instanceof AppError) throw new RateLimited();
          throw error;
        }
        const user = await authenticate(await getDb(), email, password);
        if (!user) {
          await consume("login", key).catch(() => undefined);
          return null;
        }
        await resetLimit("login", key);
        return user;
      },
    }),
  ],
});
