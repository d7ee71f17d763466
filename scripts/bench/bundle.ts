// `npm run bench:bundle`: first-load JavaScript of the chat pages, gzipped, from the build
// output. Next writes each route's first-load chunk list to diagnostics/route-bundle-stats.json;
// we gzip those files ourselves (level 9, as a CDN would serve them) and add them up.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { machine, markdownTable, ROOT, writeSection } from "./report";

const TARGET_KB = 250;
const ROUTES = ["/", "/c/[id]", "/login", "/admin/logs"];

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

export function runBundleBench(
  distDir = process.env.NEXT_DIST_DIR || ".next-bench",
): { route: string; gzipKb: number }[] {
  const statsFile = path.join(ROOT, distDir, "diagnostics/route-bundle-stats.json");
  if (!fs.existsSync(statsFile))
    throw new Error(
      `${path.relative(ROOT, statsFile)} is missing: build first (npm run bench:chat builds into .next-bench).`,
    );
  const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as RouteStats[];
  const kb = (bytes: number) => bytes / 1024;
  const results: { route: string; rawKb: number; gzipKb: number; chunks: number }[] = [];
  for (const route of ROUTES) {
    const entry = stats.find((s) => s.route === route);
    if (!entry) continue;
    let raw = 0;
    let gzip = 0;
    for (const chunk of entry.firstLoadChunkPaths) {
      // Paths are written relative to the project with the default ".next/" prefix.
      const file = path.join(ROOT, distDir, chunk.replace(/^\.next[^/]*\//, ""));
      const bytes = fs.readFileSync(file);
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    results.push({ route, rawKb: kb(raw), gzipKb: kb(gzip), chunks: entry.firstLoadChunkPaths.length });
    console.log(
      `${route}: ${kb(gzip).toFixed(1)} KB gzipped (${kb(raw).toFixed(1)} KB raw, ${entry.firstLoadChunkPaths.length} chunks)`,
    );
  }
  const chat = results.find((r) => r.route === "/");
  if (!chat) throw new Error("the build has no / route");
  writeSection(
    "bundle",
    `Run: ${machine()}

First-load JavaScript per route of the production build (\`${distDir}/diagnostics/route-bundle-stats.json\`, each chunk gzipped at level 9). Target for the chat page (\`/\`): under ${TARGET_KB} KB gzipped — **${chat.gzipKb < TARGET_KB ? "met" : "missed"}** (${chat.gzipKb.toFixed(1)} KB).

${markdownTable(
  ["Route", "Chunks", "Raw", "Gzipped"],
  results.map((r) => [`\`${r.route}\``, r.chunks, `${r.rawKb.toFixed(1)} KB`, `${r.gzipKb.toFixed(1)} KB`]),
)}`,
  );
  return results.map(({ route, gzipKb }) => ({ route, gzipKb }));
}

if (import.meta.url === `file://${process.argv[1]}`) runBundleBench();
