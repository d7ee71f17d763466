// `npm run bench`: every benchmark, one after another (they share 2 cores; running them side
// by side would measure each other). The chat bench builds .next-bench, which the bundle
// figures are read from.
import { runBundleBench } from "./bundle";
import { runChatBench } from "./chat";
import { runScaleBench } from "./scale";

await runChatBench();
runBundleBench();
await runScaleBench();
console.log("\nAll figures are in docs/benchmarks.md.");
