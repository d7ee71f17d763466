// A small OpenAI-compatible chat-completions server for tests and benchmarks: each request
// takes the next scripted reply (tool calls, streamed text, or an HTTP error) and is recorded.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Script =
  | { kind: "tools"; calls: { name: string; args: Record<string, unknown>; id?: string }[] }
  | { kind: "text"; text: string; delayMs?: number }
  | { kind: "error"; status: number; message?: string };

export type FakeOpenAI = { url: string; requests: { messages: { role: string; content: unknown }[]; tools?: unknown[] }[]; push: (...s: Script[]) => void; close: () => Promise<void> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: Script[] = [];
  const requests: FakeOpenAI["requests"] = [];
  let n = 0;
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || "{}");
    requests.push(body);
    const script = queue.shift() ?? { kind: "text", text: "OK." };
    if (script.kind === "error") {
      res.writeHead(script.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: script.message ?? "The fake model failed.", type: "server_error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const id = `chatcmpl-${++n}`;
    const send = (delta: object, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    if (script.kind === "tools") {
      script.calls.forEach((c, index) => {
        send({ role: "assistant", content: null, tool_calls: [{ index, id: c.id ?? `call_${randomUUID().slice(0, 8)}_${index}`, type: "function", function: { name: c.name, arguments: "" } }] });
        send({ tool_calls: [{ index, function: { arguments: JSON.stringify(c.args) } }] });
      });
      send({}, "tool_calls");
    } else {
      send({ role: "assistant", content: "" });
      for (const word of script.text.match(/\S+\s*/g) ?? []) {
        if (res.destroyed) return;
        send({ content: word });
        if (script.delayMs) await sleep(script.delayMs);
      }
      send({}, "stop");
    }
    res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: body.model, choices: [], usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 } })}\n\n`);
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...s) => queue.push(...s),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
