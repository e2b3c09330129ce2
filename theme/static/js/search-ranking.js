/**
 * Ranking, the same for one shard or many: the one place where the order of results is
 * decided, after lunr's scores have been summed over every shard. Today the only rule is
 * lunr's: best score first, ties in build order (tips, articles, pages; then by title). Rules
 * that adjust scores (coverage, related words) belong here, before the order is taken.
 *
 * Hits are parallel arrays (refs and scores), so a common word matching every document
 * costs no object per hit; only the results drawn are put in order (a partial sort).
 */

function better (refs, scores, a, b) {
  return scores[a] > scores[b] || (scores[a] === scores[b] && refs[a] < refs[b])
}

/** Positions of the ``count`` best hits, best first (all of them when count is omitted). */
export function rankHits (refs, scores, count = refs.length) {
  const wanted = Math.min(count, refs.length)
  if (wanted * 4 >= refs.length) {
    const all = Array.from(refs, (_, at) => at)
    all.sort((a, b) => (better(refs, scores, a, b) ? -1 : better(refs, scores, b, a) ? 1 : 0))
    return all.slice(0, wanted)
  }
  // A heap of the best ``wanted`` so far, the worst of them on top.
  const heap = []
  const worse = (a, b) => better(refs, scores, b, a)
  const down = (at) => {
    for (;;) {
      const left = 2 * at + 1
      const right = left + 1
      let top = at
      if (left < heap.length && worse(heap[left], heap[top])) top = left
      if (right < heap.length && worse(heap[right], heap[top])) top = right
      if (top === at) return
      ;[heap[at], heap[top]] = [heap[top], heap[at]]
      at = top
    }
  }
  for (let at = 0; at < refs.length; at++) {
    if (heap.length < wanted) {
      heap.push(at)
      for (let child = heap.length - 1; child > 0;) {
        const parent = (child - 1) >> 1
        if (!worse(heap[child], heap[parent])) break
        ;[heap[child], heap[parent]] = [heap[parent], heap[child]]
        child = parent
      }
    } else if (wanted && better(refs, scores, at, heap[0])) {
      heap[0] = at
      down(0)
    }
  }
  return heap.sort((a, b) => (better(refs, scores, a, b) ? -1 : 1))
}
