// The fetcher behind the read routes' SWR keys. A failed answer becomes an Error whose message is
// the server's own ({ error: { message } }, lib/http.ts), fit to show as it is.
export async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  } catch {
    throw new Error("Could not reach Doable. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? "Something went wrong on our side. Please try again.");
  return body as T;
}
