// Text compared without accents: "cardiologo" finds "Turno con el cardiólogo", as it does for a
// person typing on a phone. Postgres's `unaccent` is an extension (and STABLE, so no index can
// use it); `translate()` with one table is built in, the same in PGlite and on a server, and the
// same table folds the searched text here, so both sides agree by construction.
import { Prisma } from "@/generated/prisma/client";

// Every Latin-1 and Latin Extended-A letter whose accent-free form is one ASCII letter
// ("É"→"e", "ñ"→"n", "ł"→"l"); SQL's lower() then needs only ASCII, which holds in any locale.
const pairs: [string, string][] = [];
for (let code = 0xc0; code <= 0x17f; code++) {
  const letter = String.fromCharCode(code);
  const base = letter.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const plain = { ø: "o", đ: "d", ħ: "h", ł: "l", ŧ: "t", ı: "i" }[letter.toLowerCase()] ?? base;
  if (/^[a-z]$/.test(plain)) pairs.push([letter, plain]);
}
const FROM = pairs.map(([from]) => from).join("");
const TO = pairs.map(([, to]) => to).join("");
const TABLE = new Map(pairs);

/** The text lower-cased, without accents, as `foldedSql` reads a column. */
export function fold(text: string): string {
  return Array.from(text, (ch) => TABLE.get(ch) ?? ch)
    .join("")
    .toLowerCase();
}

/** A text column folded in SQL the way `fold` folds text in JavaScript. */
export function foldedSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(translate(${column}, ${FROM}, ${TO}))`;
}
