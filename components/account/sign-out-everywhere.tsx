import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { buttonClass } from "@/components/ui/button";

/** Ends every session of the account, on every device (a plain form: works without script). */
export function SignOutEverywhere() {
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3">
      <h2 id="sessions-heading" className="text-base font-semibold">
        Sessions
      </h2>
      <p className="text-sm text-muted">
        Signed in somewhere you no longer use, or think someone else has your session? This ends every session of your
        account, on this device and all others. You sign in again with your password.
      </p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className={buttonClass("danger")}>
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
