// `npm run bench`: every benchmark, one after another (they share 2 cores; running them side
// by side would measure each other). The chat bench compares this checkout with the commit the
// performance issue was measured on (BENCH_BASELINE to pick another), on Node 20 and Node 24,
// one and two server processes; it builds .next-bench, which the bundle figures are read from.
import { runBundleBench } from "./bundle";
import { runChatBench } from "./chat";
import { runInterpreterBench } from "./interpreter";
import { runScaleBench } from "./scale";

await runChatBench({
  baseline: process.env.BENCH_BASELINE ?? "a434a7b",
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
  node24: true,
  webConcurrency: 2,
  pglite: true,
  write: true,
});
runBundleBench();
runInterpreterBench(true);
await runScaleBench();
console.log("\nAll figures are in docs/benchmarks.md.");
