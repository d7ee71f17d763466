// Test helper: an OpenAI-compatible chat-completions server that misbehaves on cue. Each
// request takes the next step; a step may first run a hook (e.g. kill database connections
// while the turn waits on the model), then call tools or stream text that can stop with the
// connection dropped or an error event, part-way through. lib/agent/fake-openai.ts covers the
// well-behaved cases and whole-request HTTP errors; this one covers failures mid-stream.
import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Step = {
  before?: () => Promise<void>;
  tools?: { name: string; args: Record<string, unknown> }[];
  text?: string;
  /** After this many words: destroy the socket (no finish, no [DONE]). */
  dropAfter?: number;
  /** After this many words: send an OpenAI-style error event and end the stream. */
  errorAfter?: number;
  delayMs?: number;
};

export type FaultModel = {
  url: string;
  requests: number;
  push: (...steps: Step[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultModel(): Promise<FaultModel> {
  const queue: Step[] = [];
  const state = { requests: 0 };
  let n = 0;
  const server = http.createServer(async (req, res) => {
    for await (const _ of req);
    state.requests++;
    const step = queue.shift() ?? { text: "OK." };
    await step.before?.();
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const id = `chatcmpl-fault-${++n}`;
    const send = (delta: object, finish: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: "fault-model", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
      );
    if (step.tools) {
      step.tools.forEach((c, index) => {
        // Unique ids across servers and runs: the operation log keys replays on them.
        send({
          role: "assistant",
          content: null,
          tool_calls: [
            {
              index,
              id: `call_fault_${process.pid}_${Date.now()}_${n}_${index}`,
              type: "function",
              function: { name: c.name, arguments: JSON.stringify(c.args) },
            },
          ],
        });
      });
      send({}, "tool_calls");
    } else {
      send({ role: "assistant", content: "" });
      const words = (step.text ?? "").match(/\S+\s*/g) ?? [];
      for (let i = 0; i < words.length; i++) {
        if (step.dropAfter === i) {
          res.destroy();
          return;
        }
        if (step.errorAfter === i) {
          res.end(
            `data: ${JSON.stringify({ error: { message: "The fault model broke down.", type: "server_error", code: "internal" } })}\n\n`,
          );
          return;
        }
        if (res.destroyed) return;
        send({ content: words[i] });
        if (step.delayMs) await sleep(step.delayMs);
      }
      send({}, "stop");
    }
    res.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    push: (...steps) => queue.push(...steps),
    reset: () => void queue.splice(0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
