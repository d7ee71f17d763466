// `npm run eval:agent -- FILE`: the evaluation itself is scripts/eval/cli.ts. Server modules say
// `import "server-only"`, which throws outside a server bundle; a script is server code, so here
// it resolves to an empty module however the script is started (npm run, node --import tsx,
// npx tsx), with no --conditions flag needed.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context); }',
    ),
);
await import("./eval/cli");
