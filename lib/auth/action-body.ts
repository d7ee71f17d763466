/**
 * A server action's body, checked in proxy.ts before Next decodes it. Next (React's
 * decodeReply) answers a body it cannot decode with a 500: text that is not JSON, a root that
 * is not an argument list, a reference to a part the body does not have (the request then
 * hangs until "Connection closed"), multipart that does not parse. Those are the client's
 * fault, so they get a 400 here instead.
 *
 * The encoding (React's reply format): the root is a JSON array of arguments, as the whole
 * text body or as multipart field "0". Strings starting with "$" are special: values that
 * stand alone ("$undefined", "$D<date>", "$n<bigint>", "$K<id>" for a FormData argument,
 * "$$" for a literal "$") and references to another part ("$<hex id>", "$Q"/"$W" Map and Set,
 * "$@" promise, "$B" blob, typed arrays), each needing multipart field <decimal id>. Server
 * references, iterators and streams (which no Doable page sends) are refused.
 */
const STANDALONE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,300}$|K[0-9a-f]{1,8}$|T$)/;
const REFERENCE = /^\$([QW@BAOoUSsLlGgMmV]?)([0-9a-f]{1,8})(?::.*)?$/;
const JSON_PARTS = new Set(["", "Q", "W", "@"]);
const MAX_PARTS = 1000;

import "server-only";
export type ActionBodyCheck = { ok: true } | { ok: false; reason: string };

/** Whether a POST to a page could be decoded by Next as a server action's arguments. */
export async function checkActionBody(request: Request): Promise<ActionBodyCheck> {
  if (request.method !== "POST") return { ok: true };
  const type = request.headers.get("content-type") ?? "";
  const isFetchAction = request.headers.has("next-action");
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return { ok: false, reason: "The form data could not be read." };
    }
    // A form post without JavaScript names its action in fields Next checks itself.
    if (!isFetchAction) return { ok: true };
    return checkParts((id) => form.get(id));
  }
  if (!isFetchAction || type === "application/x-www-form-urlencoded") return { ok: true };
  const text = await request.clone().text();
  return checkParts((id) => (id === "0" ? text : null));
}

function checkParts(part: (id: string) => FormDataEntryValue | null): ActionBodyCheck {
  const seen = new Set<string>();
  const pending = ["0"];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    if (seen.add(id).size > MAX_PARTS) return bad("The request has too many parts.");
    const raw = part(id);
    if (typeof raw !== "string") return bad(`Part ${id} of the request is missing.`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return bad("The request body is not valid JSON.");
    }
    if (id === "0" && !Array.isArray(value)) return bad("The request body must be a list of arguments.");
    for (const s of strings(value)) {
      if (!s.startsWith("$") || STANDALONE.test(s)) continue;
      const ref = REFERENCE.exec(s);
      if (!ref) return bad("The request body holds a value that cannot be decoded.");
      // The kind letter may be absent (a plain "$1" is JSON): its group is then "".
      const [, kind = "", hex = ""] = ref;
      const target = String(parseInt(hex, 16));
      if (part(target) === null) return bad(`Part ${target} of the request is missing.`);
      if (JSON_PARTS.has(kind)) pending.push(target);
    }
  }
  return { ok: true };
}

function bad(reason: string): ActionBodyCheck {
  return { ok: false, reason };
}

// Iterative: a body may nest arrays deeper than the call stack goes.
function* strings(root: unknown): Generator<string> {
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") yield value;
    else if (value && typeof value === "object") stack.push(...Object.values(value));
  }
}
