// A V8 CPU profile summed by where the time was spent: each npm package, each folder of this
// repo, Node's own web streams and other internals, GC. Self time only, so the rows add up to
// the whole. `bench:turn` prints it under BENCH_PROFILE; it is what docs/benchmarks.md quotes.
import type { Profiler } from "node:inspector";

function placeOf(node: Profiler.ProfileNode, root: string): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(program)" || functionName === "(idle)") return functionName;
    return `native ${functionName}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith("node:")) {
    if (url.includes("webstreams")) return "node: web streams";
    if (/async_hooks|async_context|async_local/.test(url)) return "node: async context";
    return "node: other internals";
  }
  const local = url.replace(/^file:\/\//, "");
  if (local.startsWith(root)) {
    const parts = local.slice(root.length).replace(/^\//, "").split("/");
    return parts.slice(0, parts[0] === "lib" ? 2 : 1).join("/");
  }
  return url;
}

/** Shares of self time by place, largest first, without idle time. */
export function summarizeProfile(profile: Profiler.Profile, root: string): { place: string; share: number }[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, i) => {
    const node = nodes.get(id);
    const dt = deltas[i] ?? 0;
    if (!node) return;
    const place = placeOf(node, root);
    if (place === "(idle)") return;
    selfTime.set(place, (selfTime.get(place) ?? 0) + dt);
    total += dt;
  });
  return [...selfTime].map(([place, t]) => ({ place, share: total ? t / total : 0 })).sort((a, b) => b.share - a.share);
}
