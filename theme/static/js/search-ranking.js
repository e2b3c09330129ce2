/**
 * Ranking rules applied on top of lunr's scores, the same for one shard or many: this is the
 * one place where a result's order is decided. Today the only rule is lunr's: best score
 * first, ties in build order (tips, articles, pages; then by title).
 */

/** Sort hits ({ ref, score }) in place, best first; returns them. */
export function rankHits (hits) {
  return hits.sort((a, b) => b.score - a.score || a.ref - b.ref)
}
