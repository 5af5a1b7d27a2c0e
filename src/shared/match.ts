/** Levenshtein distance over code points (so Chinese names count per character). */
export function editDistance(a: string, b: string): number {
  const s = [...a.toLowerCase()];
  const t = [...b.toLowerCase()];
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `input`, or undefined when nothing is close enough
 * to be a plausible typo (more than half the input's length away).
 * @example closestMatch('lii', ['li', 'wang']) // 'li'
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.trim().toLowerCase();
  if (needle === '') return undefined;
  // One or two letters are contained in too many names to hint at one.
  const short = [...needle].length < 3;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    // A prefix or substring hit is the strongest hint ("zhang" for "zhangsan").
    const d = !short && (hay.startsWith(needle) || needle.startsWith(hay)) ? 0.5 : !short && hay.includes(needle) ? 0.75 : editDistance(needle, hay);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.ceil([...needle].length / 2));
  return bestScore <= limit ? best : undefined;
}

/** What a name lookup found: one item, several (the input is ambiguous), or none. */
export type NameMatch<T> = { kind: 'one'; item: T } | { kind: 'several'; items: T[] } | { kind: 'none' };

/**
 * Finds what `input` names among `items`, each known by one or more names
 * (a member by handle and display name): an exact name first, then a name
 * equal but for case, then names containing the input ("客服" in "客服经理").
 * The first step that finds anything decides: one item is the match, several
 * are ambiguous (never a silent pick).
 * @example matchByName('客服', roles, (r) => [r.name]) // { kind: 'several', items: [客服经理, 客服专员（售前）, …] }
 */
export function matchByName<T>(input: string, items: readonly T[], namesOf: (item: T) => readonly string[]): NameMatch<T> {
  const needle = input.trim();
  if (needle === '') return { kind: 'none' };
  const lower = needle.toLowerCase();
  const steps: Array<(name: string) => boolean> = [(n) => n === needle, (n) => n.toLowerCase() === lower, (n) => n.toLowerCase().includes(lower)];
  for (const hit of steps) {
    const found = items.filter((item) => namesOf(item).some(hit));
    if (found.length === 1) return { kind: 'one', item: found[0]! };
    if (found.length > 1) return { kind: 'several', items: found };
  }
  return { kind: 'none' };
}

/** Names for an "ambiguous" message: the first `max`, then "…" (joined when shown, in the reader's language). */
export function nameList(names: readonly string[], max = 8): string[] {
  return names.length > max ? [...names.slice(0, max), '…'] : [...names];
}
