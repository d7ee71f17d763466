// A scripted OpenAI-compatible server for tests and benchmarks (node:http on 127.0.0.1, a free
// port). It speaks both APIs @ai-sdk/openai uses: chat completions (`POST …/chat/completions`,
// what Ollama, vLLM and LM Studio serve) and the Responses API (`POST …/responses`). Each
// request takes the next scripted reply — tool calls (their arguments streamed in small
// deltas, SSE events cut across TCP writes if asked), streamed text, an HTTP error, raw bytes
// (a malformed stream), or silence (a hang) — and is recorded, with whether Doable hung up.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

type Usage = { input: number; output: number };

export type Script =
  | {
      kind: "tools";
      calls: { name: string; args: Record<string, unknown> | string; id?: string }[];
      /** Arguments streamed in deltas of this many characters (default: all in one delta). */
      chunkSize?: number;
      /** Write each SSE event in two halves (a TCP write each): the client must reassemble lines. */
      fragment?: boolean;
      usage?: Usage;
    }
  | { kind: "text"; text: string; delayMs?: number; fragment?: boolean; usage?: Usage }
  | { kind: "error"; status: number; message?: string; headers?: Record<string, string> }
  /** A 200 event stream carrying exactly these `data:` payloads (then the connection ends). */
  | { kind: "raw"; data: string[] }
  /** Never answers ("headers"), or sends the first words of `text` and then falls silent ("body"). */
  | { kind: "hang"; stage: "headers" | "body"; text?: string };

export type RecordedRequest = {
  path: string;
  body: Record<string, unknown>;
  /** Chat completions' `messages`, or the Responses API's `input` items. */
  messages: { role: string; content: unknown; [key: string]: unknown }[];
  tools?: unknown[];
  /** Doable closed the connection before the reply was complete (an abort or a timeout). */
  closedEarly: boolean;
};

export type FakeOpenAI = {
  url: string;
  requests: RecordedRequest[];
  push: (...s: Script[]) => void;
  /** Scripts not yet used. */
  pending: () => number;
  close: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DEFAULT_USAGE: Usage = { input: 42, output: 7 };

function pieces(text: string, size: number | undefined): string[] {
  if (!size || size >= text.length) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The tool definitions of a recorded request, as { name, description, parameters } for either API. */
export function toolsOf(
  request: RecordedRequest,
): { name: string; description?: string; parameters: { properties?: Record<string, { description?: string }> } }[] {
  return ((request.tools ?? []) as Record<string, unknown>[]).map((t) => {
    const f = (t.function ?? t) as { name: string; description?: string; parameters: never };
    return { name: f.name, description: f.description, parameters: f.parameters };
  });
}

/**
 * What a strict chat template (some vLLM models) would refuse in a chat-completions history:
 * two user messages in a row, an assistant message with neither text nor tool calls, a tool
 * call without its result. Returns one line per problem (empty when well formed).
 */
export function historyProblems(request: RecordedRequest): string[] {
  const problems: string[] = [];
  const turns = request.messages.filter((m) => m.role !== "system");
  turns.forEach((m, i) => {
    const prev = turns[i - 1];
    if (m.role === "user" && prev?.role === "user")
      problems.push(`messages ${i - 1} and ${i}: two user messages in a row`);
    if (m.role === "assistant") {
      const text = typeof m.content === "string" ? m.content.trim() : "";
      const calls = (m.tool_calls as { id: string }[] | undefined) ?? [];
      if (!text && calls.length === 0) problems.push(`message ${i}: an empty assistant message`);
      for (const c of calls)
        if (!turns.some((t) => t.role === "tool" && t.tool_call_id === c.id))
          problems.push(`message ${i}: tool call ${c.id} has no result`);
    }
  });
  return problems;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: Script[] = [];
  const requests: RecordedRequest[] = [];
  let n = 0;
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const record: RecordedRequest = {
      path,
      body,
      messages: (body.messages ?? body.input ?? []) as RecordedRequest["messages"],
      tools: body.tools as unknown[] | undefined,
      closedEarly: false,
    };
    requests.push(record);
    res.on("close", () => {
      if (!res.writableFinished) record.closedEarly = true;
    });
    const script = queue.shift() ?? { kind: "text", text: "OK." };
    if (script.kind === "error") {
      res.writeHead(script.status, { "content-type": "application/json", ...script.headers });
      res.end(JSON.stringify({ error: { message: script.message ?? "The fake model failed.", type: "server_error" } }));
      return;
    }
    if (script.kind === "hang" && script.stage === "headers") return; // never answers
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    if (script.kind === "raw") {
      for (const data of script.data) res.write(`data: ${data}\n\n`);
      res.end();
      return;
    }
    const fragment = "fragment" in script && script.fragment === true;
    const write = async (event: string) => {
      if (res.destroyed) return;
      if (!fragment) return void res.write(event);
      const cut = Math.max(1, Math.floor(event.length / 2));
      res.write(event.slice(0, cut));
      await sleep(1); // a separate TCP write: the SSE parser sees half a line
      if (!res.destroyed) res.write(event.slice(cut));
    };
    const id = `${path.endsWith("/responses") ? "resp" : "chatcmpl"}-${++n}`;
    const usage = ("usage" in script && script.usage) || DEFAULT_USAGE;
    const model = String(body.model ?? "fake-model");
    if (path.endsWith("/responses")) await streamResponses(script, { id, model, usage, write });
    else await streamChat(script, { id, model, usage, write });
    if (script.kind === "hang") return; // silent, connection left open
    if (!res.destroyed) res.end(path.endsWith("/responses") ? undefined : "data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...s) => queue.push(...s),
    pending: () => queue.length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Out = { id: string; model: string; usage: Usage; write: (event: string) => Promise<void> };
type Streamed = Exclude<Script, { kind: "error" } | { kind: "raw" }>;

const words = (text: string) => text.match(/\S+\s*/g) ?? [];
const argsText = (args: Record<string, unknown> | string) => (typeof args === "string" ? args : JSON.stringify(args));

async function streamChat(script: Streamed, { id, model, usage, write }: Out) {
  const send = (delta: object, finish: string | null = null) =>
    write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  if (script.kind === "tools") {
    for (const [index, c] of script.calls.entries()) {
      await send({
        role: "assistant",
        content: null,
        tool_calls: [
          {
            index,
            id: c.id ?? `call_${randomUUID().slice(0, 8)}_${index}`,
            type: "function",
            function: { name: c.name, arguments: "" },
          },
        ],
      });
      for (const piece of pieces(argsText(c.args), script.chunkSize))
        await send({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
    await send({}, "tool_calls");
  } else {
    await send({ role: "assistant", content: "" });
    const all = words(script.text ?? "");
    const shown = script.kind === "hang" ? all.slice(0, Math.ceil(all.length / 2)) : all;
    for (const word of shown) {
      await send({ content: word });
      if (script.kind === "text" && script.delayMs) await sleep(script.delayMs);
    }
    if (script.kind === "hang") return;
    await send({}, "stop");
  }
  await write(
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model, choices: [], usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } })}\n\n`,
  );
}

async function streamResponses(script: Streamed, { id, model, usage, write }: Out) {
  let seq = 0;
  const send = (type: string, data: object) =>
    write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...data })}\n\n`);
  await send("response.created", { response: { id, object: "response", created_at: 1, model, status: "in_progress" } });
  if (script.kind === "tools") {
    for (const [index, c] of script.calls.entries()) {
      const item = {
        type: "function_call",
        id: `fc_${randomUUID().slice(0, 8)}`,
        call_id: c.id ?? `call_${randomUUID().slice(0, 8)}_${index}`,
        name: c.name,
      };
      await send("response.output_item.added", {
        output_index: index,
        item: { ...item, arguments: "", status: "in_progress" },
      });
      for (const piece of pieces(argsText(c.args), script.chunkSize))
        await send("response.function_call_arguments.delta", { item_id: item.id, output_index: index, delta: piece });
      await send("response.function_call_arguments.done", {
        item_id: item.id,
        output_index: index,
        arguments: argsText(c.args),
      });
      await send("response.output_item.done", {
        output_index: index,
        item: { ...item, arguments: argsText(c.args), status: "completed" },
      });
    }
  } else {
    const itemId = `msg_${randomUUID().slice(0, 8)}`;
    await send("response.output_item.added", {
      output_index: 0,
      item: { type: "message", id: itemId, role: "assistant", status: "in_progress", content: [] },
    });
    const all = words(script.text ?? "");
    const shown = script.kind === "hang" ? all.slice(0, Math.ceil(all.length / 2)) : all;
    for (const word of shown) {
      await send("response.output_text.delta", {
        item_id: itemId,
        output_index: 0,
        content_index: 0,
        delta: word,
        logprobs: [],
      });
      if (script.kind === "text" && script.delayMs) await sleep(script.delayMs);
    }
    if (script.kind === "hang") return;
    await send("response.output_item.done", {
      output_index: 0,
      item: {
        type: "message",
        id: itemId,
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: script.text, annotations: [] }],
      },
    });
  }
  await send("response.completed", {
    response: {
      id,
      object: "response",
      created_at: 1,
      model,
      status: "completed",
      incomplete_details: null,
      usage: {
        input_tokens: usage.input,
        output_tokens: usage.output,
        total_tokens: usage.input + usage.output,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens_details: { reasoning_tokens: 0 },
      },
    },
  });
}
