import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { type ClientInfo, clientInfo, NO_CLIENT } from "./client";

// Apart from ./client.ts because next/navigation does not load outside Next (the scripts use
// the services, which take a ClientInfo and import only that).

/**
 * The client of the request being served, for server actions and pages (route handlers have
 * their Request and use clientInfo). Outside a request, where next/headers has nothing to give
 * (tests calling an action directly), NO_CLIENT: the event is still recorded, without an address.
 */
export async function requestClient(): Promise<ClientInfo> {
  try {
    return clientInfo(await headers());
  } catch (error) {
    // Next's own signals (rendering turned dynamic, a redirect) must go on up.
    unstable_rethrow(error);
    return NO_CLIENT;
  }
}
