// `npm run bench:sensitive`: what the sensitive-text detector (lib/privacy/sensitive.ts) costs
// per text, in microseconds: every user message of the offline assistant's case files (real
// todo sentences), the same messages forced through the library (as if each had an e-mail),
// and 2 KB texts with and without sensitive values. Each is timed over many runs after a
// warm-up; the chat turn pays this once per user message and once per task written.
import fs from "node:fs";
import path from "node:path";
import { findSensitive } from "@/lib/privacy/sensitive";
import { percentile, ROOT } from "./report";

const CASES = path.join(ROOT, "lib/agent/offline/cases");

function caseMessages(): string[] {
  const out: string[] = [];
  for (const file of fs.readdirSync(CASES).filter((f) => f.endsWith(".jsonl"))) {
    for (const raw of fs.readFileSync(path.join(CASES, file), "utf8").split("\n")) {
      if (!raw.trim()) continue;
      const c = JSON.parse(raw) as { text?: string; turns?: { user: string }[] };
      if (c.text !== undefined) out.push(c.text);
      for (const t of c.turns ?? []) out.push(t.user);
    }
  }
  return out;
}

async function perText(texts: string[], repeats: number): Promise<{ mean: number; p95: number }> {
  for (const text of texts) await findSensitive(text);
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++)
    for (const text of texts) {
      const started = performance.now();
      await findSensitive(text);
      samples.push((performance.now() - started) * 1000);
    }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p95: percentile(samples, 95) };
}

function twoKb(filler: string): string {
  let text = "";
  while (text.length < 2048) text += filler;
  return text.slice(0, 2048);
}

function tenKbOfEmails(): string {
  let text = "";
  for (let i = 0; text.length < 10_000; i++) text += `user${i}@correo.es `;
  return text.slice(0, 10_000);
}

const loadStarted = performance.now();
await findSensitive("warm up: jane.doe@acme-mail.net");
const loadMs = performance.now() - loadStarted;
const messages = caseMessages();
const flagged = (await Promise.all(messages.map(findSensitive))).filter((spans) => spans.length).length;
const rows: [string, { mean: number; p95: number }][] = [
  [`${messages.length} case-file user messages`, await perText(messages, 20)],
  [
    "the same, each with an e-mail appended",
    await perText(
      messages.map((m) => `${m} jane.doe@acme-mail.net`),
      5,
    ),
  ],
  [
    "2 KB todo text (dates, times, amounts)",
    await perText([twoKb("Pay rent of 1200 on 2026-12-01, meeting 10:30-11:00 in room 404, buy 12 eggs. ")], 500),
  ],
  [
    "2 KB todo text with one e-mail in it",
    await perText(
      [`${twoKb("Pay rent of 1200 on 2026-12-01, buy 12 eggs. ").slice(0, 2020)} jane.doe@acme-mail.net`],
      500,
    ),
  ],
  [
    "2 KB of nothing but e-mails, phones, cards, IBANs",
    await perText(
      [twoKb("Mail ana@correo.es, call +34 612 345 678, card 4111 1111 1111 1111, DE89 3704 0044 0532 0130 00. ")],
      500,
    ),
  ],
  ["10 KB (the longest message) of nothing but e-mails", await perText([tenKbOfEmails()], 20)],
];
console.log(`Loading and first call: ${loadMs.toFixed(1)} ms; ${flagged} of ${messages.length} case messages flagged.`);
for (const [name, { mean, p95 }] of rows)
  console.log(`${name.padEnd(48)} mean ${mean.toFixed(1)} µs, p95 ${p95.toFixed(1)} µs`);
