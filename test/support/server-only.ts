// Tests stand in for the server: `import "server-only"` (which refuses to load outside a server
// bundle) resolves here under Vitest, see vitest.config.ts.
export {};
