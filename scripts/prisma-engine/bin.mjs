#!/usr/bin/env node
console.log("schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3"); process.exit(0)
