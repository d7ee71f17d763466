import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientInfo } from "@/lib/audit/client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authConfig } from "./config";
import { reportLimited, SignInRateLimited } from "./rate-limited";
import { attemptSignIn } from "./sign-in";

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
        // next-auth rebuilds `request` from the incoming one with the same headers (also for
        // signIn() in a server action, from next/headers), so the socket header is there.
        try {
          return await attemptSignIn(await getDb(), credentials, clientInfo(request.headers));
        } catch (error) {
          if (error instanceof AppError && error.code === "rate_limited") {
            const limited = new SignInRateLimited(error.details?.retryAfterSeconds ?? 60, error.message);
            reportLimited(limited);
            throw limited;
          }
          throw error;
        }
      },
    }),
  ],
});
