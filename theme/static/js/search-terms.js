/**
 * The sorted term list and the shard map, with no DOM: which shard holds a term or a
 * prefix, where a prefix's terms lie in a sorted list, and the front-coded term list.
 * Terms compare as JavaScript strings (UTF-16 code units), the order the build sorts them in.
 */

/** The index of the last boundary <= term: the shard whose range holds it. */
export function shardFor (boundaries, term) {
  let low = 0
  let high = boundaries.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (boundaries[middle] <= term) low = middle
    else high = middle - 1
  }
  return low
}

/** Every shard that may hold a term starting with prefix. */
export function shardsForPrefix (boundaries, prefix) {
  const first = shardFor(boundaries, prefix)
  const shards = [first]
  for (let next = first + 1; next < boundaries.length && boundaries[next].startsWith(prefix); next++) {
    shards.push(next)
  }
  return shards
}

/** The first position in sorted terms whose term is >= word. */
export function lowerBound (terms, word) {
  let low = 0
  let high = terms.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (terms[middle] < word) low = middle + 1
    else high = middle
  }
  return low
}

/** The terms of a sorted list that start with prefix (the prefix itself included). */
export function withPrefix (terms, prefix) {
  const found = []
  for (let at = lowerBound(terms, prefix); at < terms.length && terms[at].startsWith(prefix); at++) {
    found.push(terms[at])
  }
  return found
}

/** Decode the build's front-coded list: each line is a shared-prefix length (base 36), then the rest. */
export function frontDecode (coded) {
  const terms = []
  let previous = ''
  for (const line of coded ? coded.split('\n') : []) {
    previous = previous.slice(0, parseInt(line[0], 36)) + line.slice(1)
    terms.push(previous)
  }
  return terms
}
