// Small text helpers shared by the parsers: normalisation, crude stemming, word lists.

/** Typographic quotes and dashes become ASCII so one set of patterns covers both. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, " - ")
    .replace(/\u00A0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function capitalize(s: string): string {
  const t = s.trim();
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

/** Title-ish cleanup: no dangling punctuation or connectors, capital first letter, no final period. */
export function tidyTitle(s: string): string {
  let t = s.replace(/\s+/g, " ").trim();
  let prev = "";
  while (prev !== t) {
    prev = t;
    t = t
      .replace(/^[\s,;:\-–—.]+/, "")
      .replace(/[\s,;:\-–—]+$/, "")
      .replace(/\.+$/, "")
      .replace(/\s+\b(?:and|with|due|by|on|at|for|before|until|till|in|of|to|as|that|which|is|it's|its)$/i, "")
      .replace(/^(?:to|that|about)\s+/i, "")
      .trim();
  }
  if (/^(["'])(.*)\1$/.test(t)) t = t.slice(1, -1).trim();
  return capitalize(t);
}

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, a: 1, an: 1, couple: 2, pair: 2,
};

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  last: -1,
};

/** Irregular past tenses and participles people use when reporting a task as done. */
const IRREGULAR: Record<string, string> = {
  did: "do", done: "do", made: "make", bought: "buy", paid: "pay", went: "go", gone: "go",
  wrote: "write", written: "write", sent: "send", took: "take", taken: "take", got: "get",
  gotten: "get", gave: "give", given: "give", ran: "run", told: "tell", sold: "sell",
  found: "find", brought: "bring", left: "leave", spoke: "speak", spoken: "speak", rang: "ring",
  met: "meet", read: "read", ate: "eat", eaten: "eat", drove: "drive", driven: "drive",
  fed: "feed", hung: "hang", swept: "sweep", kept: "keep", built: "build", sang: "sing",
  began: "begin", begun: "begin", saw: "see", seen: "see", forgot: "forget", chose: "choose",
  drew: "draw", drawn: "draw", threw: "throw", thrown: "throw", wore: "wear", woke: "wake",
  hid: "hide", lent: "lend", spent: "spend", shot: "shoot", taught: "teach", caught: "catch",
  thought: "think", fought: "fight", sought: "seek", sat: "sit", stood: "stand", won: "win",
  set: "set", put: "put", cut: "cut", shut: "shut", hit: "hit", let: "let", quit: "quit",
  broke: "break", broken: "break", froze: "freeze", rode: "ride", flew: "fly", flown: "fly",
  dealt: "deal", meant: "mean", withdrew: "withdraw", understood: "understand",
  picked: "pick", booked: "book", called: "call", emailed: "email", mailed: "mail",
  texted: "text", fixed: "fix", finished: "finish", cleaned: "clean", washed: "wash",
  watered: "water", submitted: "submit", renewed: "renew", reviewed: "review", planned: "plan",
  prepared: "prepare", ordered: "order", returned: "return", cancelled: "cancel", canceled: "cancel",
  scheduled: "schedule", replied: "reply", tidied: "tidy", emptied: "empty", studied: "study",
  applied: "apply", filed: "file", updated: "update", uploaded: "upload", signed: "sign",
  mopped: "mop", shopped: "shop", dropped: "drop", stopped: "stop", jogged: "jog",
};

/** Past-tense form → base verb, or null when the word does not look past tense. */
export function baseOfPastVerb(word: string): string | null {
  const w = word.toLowerCase();
  if (w in IRREGULAR) return IRREGULAR[w];
  if (w.length > 4 && w.endsWith("ied")) return w.slice(0, -3) + "y";
  if (w.length > 4 && w.endsWith("ed") && !/(?:need|feed|seed|speed|bleed|breed|weed|heed|bed|red|shed|bred|sled)$/.test(w)) {
    const stem = w.slice(0, -2);
    if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
    return stem;
  }
  return null;
}

/**
 * A crude stemmer used on both sides of a comparison, so consistency matters more than
 * linguistics: "called"/"call", "flights"/"flight", "prepared"/"prepare" meet.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, "").replace(/'/g, "");
  if (w in IRREGULAR) w = IRREGULAR[w];
  if (w.length > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
  else if (w.length > 4 && w.endsWith("ied")) w = w.slice(0, -3) + "y";
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Words that never identify a task on their own. */
export const REF_STOPWORDS = new Set([
  "the", "a", "an", "my", "our", "your", "this", "that", "these", "those", "task", "tasks",
  "todo", "todos", "to-do", "to-dos", "item", "items", "one", "ones", "thing", "things",
  "entry", "reminder", "about", "for", "to", "of", "on", "in", "with", "please", "list",
  "from", "number", "no", "is", "it", "which", "called", "named", "titled", "i", "me", "up",
  "at", "by", "and", "or", "&", "just", "also", "some", "stuff", "whole",
]);

export function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9#'\s-]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ""))
    .filter(Boolean);
}

/** Content words of a reference phrase, stemmed. */
export function contentStems(s: string, extraStop?: Set<string>): string[] {
  return words(s)
    .filter((w) => !REF_STOPWORDS.has(w) && !(extraStop && extraStop.has(w)))
    .map((w) => stem(w.replace(/^#/, "")))
    .filter(Boolean);
}

export function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Whether a query stem names a title stem: equal, a clear prefix, or a one-letter typo. */
export function stemsMatch(q: string, t: string): boolean {
  if (q === t) return true;
  if (q.length >= 4 && t.length >= 4 && (t.startsWith(q) || q.startsWith(t))) return true;
  if (q.length >= 5 && t.length >= 5 && editDistanceAtMost1(q, t)) return true;
  return false;
}

/** Common imperative verbs that start a to-do ("buy eggs", "call Bob"). */
export const TODO_VERBS = new Set([
  "buy", "call", "email", "e-mail", "text", "message", "pay", "book", "send", "clean", "fix", "pick",
  "write", "read", "finish", "review", "schedule", "water", "walk", "feed", "cancel", "renew",
  "return", "submit", "prepare", "plan", "order", "get", "make", "take", "wash", "do", "check",
  "update", "visit", "meet", "go", "bring", "drop", "file", "sign", "print", "mail", "post",
  "ring", "phone", "contact", "ask", "tell", "remind", "organize", "organise", "tidy", "vacuum",
  "mow", "cook", "bake", "study", "practice", "practise", "learn", "research", "draft", "edit",
  "publish", "upload", "download", "install", "backup", "back", "charge", "refill", "repair",
  "replace", "sort", "pack", "unpack", "move", "donate", "sell", "collect", "deliver", "grab",
  "fetch", "shop", "apply", "register", "reply", "respond", "follow", "invite", "thank",
  "celebrate", "exercise", "run", "jog", "swim", "empty", "change", "clear", "iron", "fold",
  "hang", "paint", "build", "design", "test", "deploy", "commit", "merge", "release", "record",
  "try", "find", "look", "see", "watch", "listen", "practise", "renew", "wrap", "hire",
  "interview", "confirm", "arrange", "reserve", "rent", "lend", "borrow", "pray", "meditate",
]);
