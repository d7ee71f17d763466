import http from "node:http";
import { SOCKET_ADDRESS_HEADER, trustedProxyHops } from "./client-address";

const INSTALLED = Symbol.for("doable.socketAddressHook");

/**
 * Makes the TCP peer's address readable by route handlers, server actions and next-auth
 * (see ./client-address.ts for why Next's own X-Forwarded-For cannot be trusted for that).
 *
 * `next start` creates its http.Server itself and hands app code only the request headers,
 * so this wraps http.Server's `emit`: before any "request" listener (Next's) runs, the
 * header is set from `req.socket.remoteAddress`, replacing anything the client sent under
 * that name. Called from instrumentation.ts register(), which Next awaits in prepare() before
 * it handles a request; requests that arrive while the server is still starting carry no such
 * header and count as UNKNOWN_ADDRESS (one shared key, so never a way around a limit).
 */
export function installSocketAddressHook(): void {
  trustedProxyHops(); // a bad TRUSTED_PROXY_HOPS stops the server at start-up, not at sign-in
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
