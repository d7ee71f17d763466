// The engine program's own protocol, spoken directly the way the Prisma CLI speaks it
// (see docs/prisma-offline.md). None of these tests opens a database.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { describe, expect, it } from "vitest";
import { engineBin, root } from "@/test/support/prisma-engine";

const enginesVersion: string = JSON.parse(
  fs.readFileSync(path.join(root, "node_modules", "@prisma", "engines-version", "package.json"), "utf8"),
).prisma.enginesVersion;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [engineBin, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe("schema engine program", () => {
  it("reports the engine version the CLI expects", async () => {
    const { code, stdout } = await run(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`schema-engine-cli ${enginesVersion}`);
  });

  it("answers `cli can-connect-to-database` with P1003 for a PGlite directory that does not exist", async () => {
    const missing = path.join(os.tmpdir(), `doable-missing-${process.pid}-${Date.now()}`);
    const { code, stderr } = await run([
      "--datasource",
      JSON.stringify({ url: `file:${missing}` }),
      "cli",
      "can-connect-to-database",
    ]);
    expect(code).toBe(1);
    // The CLI skips the first line of stderr and parses the others as JSON log records.
    const records = stderr
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => JSON.parse(line));
    expect(records).toContainEqual(
      expect.objectContaining({
        level: "ERROR",
        target: "schema_engine::logger",
        fields: expect.objectContaining({ error_code: "P1003" }),
      }),
    );
    expect(fs.existsSync(missing)).toBe(false);
  });

  it("speaks JSON-RPC: prints a schema diff through a print request, then answers", async () => {
    const schemaPath = path.join(root, "prisma", "schema.prisma");
    // A datasource that must never be opened: a diff between schema files needs no database.
    const untouched = path.join(os.tmpdir(), `doable-untouched-${process.pid}-${Date.now()}`);
    const child = spawn(
      process.execPath,
      [engineBin, "--datamodels", schemaPath, "--datasource", JSON.stringify({ url: `file:${untouched}` })],
      {
        cwd: root,
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    // The JSON-RPC messages the engine writes, as far as this test reads them.
    type RpcMessage = {
      id?: number;
      method?: string;
      params?: { content?: string };
      result?: unknown;
      error?: { code?: number };
    };
    const messages: RpcMessage[] = [];
    const answered = new Set();
    const done = new Promise<void>((resolve) => {
      readline.createInterface({ input: child.stdout }).on("line", (line) => {
        const message = JSON.parse(line) as RpcMessage;
        messages.push(message);
        // The engine asks the CLI to print the diff and waits for the acknowledgement.
        if (message.method === "print") send({ jsonrpc: "2.0", id: message.id, result: {} });
        else answered.add(message.id);
        if (answered.has(1) && answered.has(2)) resolve();
      });
    });
    send({
      jsonrpc: "2.0",
      id: 1,
      method: "diff",
      params: {
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      },
    });
    send({ jsonrpc: "2.0", id: 2, method: "noSuchMethod", params: {} });
    await done;
    child.stdin.end();
    const exitCode = await new Promise((resolve) => child.on("exit", resolve));

    const print = messages.find((m) => m.method === "print");
    expect(print?.params?.content).toContain('CREATE TABLE "tasks"');
    expect(messages.indexOf(print!)).toBeLessThan(messages.findIndex((m) => m.id === 1));
    expect(messages.find((m) => m.id === 1)?.result).toMatchObject({ exitCode: 0 });
    expect(messages.find((m) => m.id === 2)?.error?.code).toBe(-32601);
    expect(exitCode).toBe(0);
    expect(fs.existsSync(untouched)).toBe(false);
  });
});
