/** One Pagefind result for one searched word. */
export interface Hit {
  id: string;
  score: number;
}

/** A page found for some of the resident's concepts. */
export interface RankedMatch {
  id: string;
  /** How many of the concepts the page holds. */
  matched: number;
  /** The page's best score for each concept it holds, added up. */
  score: number;
  contact: boolean;
}

export interface RankOptions {
  /** Ids of the cadres' records among the hits. */
  contacts?: ReadonlySet<string>;
  /** The question asks who to call: cadres whose records hold a concept come first. */
  contactsFirst?: boolean;
  /** A date order chosen by the reader (id → position); otherwise the best scores come first. */
  order?: ReadonlyMap<string, number>;
}

/**
 * Merges the results of searching each concept on its own (`perConcept[i]` holds every hit for
 * the words of concept i). Pages holding more of the concepts rank higher, so a question whose
 * words never occur together still lists the pages that hold some of them.
 */
export function rankMatches(
  perConcept: readonly Hit[][],
  options: RankOptions = {},
): RankedMatch[] {
  const byId = new Map<string, { best: Map<number, number>; first: number }>();
  let seen = 0;
  perConcept.forEach((hits, concept) => {
    for (const hit of hits) {
      const entry = byId.get(hit.id) ?? { best: new Map<number, number>(), first: seen++ };
      entry.best.set(concept, Math.max(entry.best.get(concept) ?? 0, hit.score));
      byId.set(hit.id, entry);
    }
  });
  const contacts = options.contacts ?? new Set<string>();
  const ranked = [...byId].map(([id, { best, first }]) => ({
    id,
    matched: best.size,
    score: [...best.values()].reduce((sum, score) => sum + score, 0),
    contact: contacts.has(id),
    first,
  }));
  const { order, contactsFirst = false } = options;
  ranked.sort(
    (a, b) =>
      (contactsFirst ? Number(b.contact) - Number(a.contact) : 0) ||
      b.matched - a.matched ||
      (order ? (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) : b.score - a.score) ||
      a.first - b.first,
  );
  return ranked.map(({ id, matched, score, contact }) => ({ id, matched, score, contact }));
}
