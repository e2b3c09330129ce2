/**
 * Search logic, with no DOM: a reader's words in, ranked results out, with theme filters.
 *
 * The index is split by term (plugins/hub/search_index.py): a manifest, shards of postings
 * with lunr's weights already computed, display chunks and a term list for typo matching.
 * A query is built as lunr query clauses, expanded against the terms (lunr's own TokenSet for
 * typos), and only the shards holding those terms are fetched. Scores are lunr.Index's: for
 * each field, the dot product of the query vector with the document's weights, divided by
 * the query vector's length, summed over fields (tests/theme/test_search_parity.py).
 *
 * lunr and a file loader are passed in, so the same module runs in the page and in Node.
 *
 * Meaning is added on top of lunr's scores by search-meaning.js, the same way for one shard
 * or many: related words from content/search-words.yml (a lower boost), other forms of a
 * word (its stem as a prefix), and ranking by how much of the query a result covers.
 */
import { coverageScores, creditsFromPostings, foundOwnWords, indexStem, meaningClauses, planQuery, relatedIndex } from './search-meaning.js'
import { rankHits } from './search-ranking.js'
import { frontDecode, shardFor, shardsForPrefix, withPrefix } from './search-terms.js'

const SEPARATOR = /[\s\-]+/
const EDGE_PUNCTUATION = /^\W+|\W+$/g

/** Split a query into lower-case words, as lunr's tokenizer and trimmer do. */
export function tokenize (text) {
  return String(text || '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(SEPARATOR)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean)
}

/** Fold a British spelling into the American one, as the index builder did. */
export function foldSpelling (word, spellings) {
  let best = ''
  for (const prefix of Object.keys(spellings)) {
    if (word.startsWith(prefix) && prefix.length > best.length) best = prefix
  }
  return best ? spellings[best] + word.slice(best.length) : word
}

/** Fuzzy matching allows one typo, or two in a long word. */
export function editDistanceFor (word) {
  return word.length >= 8 ? 2 : 1
}

/**
 * The lunr query clauses for a reader's words: each word as typed (stemmed), the last one
 * also as a prefix (it may be unfinished), and with typos allowed when fuzzy. ``stem``, when
 * given, stems a word as the index did (the page passes it); without it lunr's pipeline does.
 */
export function queryClauses (words, fuzzy, stem) {
  const clauses = []
  const last = words.length - 1
  words.forEach((word, position) => {
    clauses.push(stem ? { term: stem(word), usePipeline: false, boost: 10 } : { term: word, usePipeline: true, boost: 10 })
    // Only the word being typed may be unfinished; expanding every word would fetch and
    // walk far more of the index on each keystroke.
    if (position === last && word.length >= 3) clauses.push({ term: word, usePipeline: false, wildcard: true, boost: 2 })
    if (fuzzy && word.length >= 4) {
      // Index terms are stemmed, so a misspelt word is compared both as typed and stemmed.
      clauses.push({ term: word, usePipeline: false, editDistance: editDistanceFor(word), boost: 1 })
      const stemmed = stem ? { term: stem(word), usePipeline: false } : { term: word, usePipeline: true }
      clauses.push({ ...stemmed, editDistance: editDistanceFor(word), boost: 1 })
    }
  })
  return clauses
}

/** Decode one term's postings: per field, document numbers and weights from gaps and thousandths. */
export function decodePostings (encoded) {
  return encoded.map((flat) => {
    const docs = new Int32Array(flat.length / 2)
    const weights = new Float64Array(flat.length / 2)
    let doc = 0
    for (let at = 0; at < flat.length; at += 2) {
      doc += flat[at]
      docs[at / 2] = doc
      weights[at / 2] = flat[at + 1] / 1000
    }
    return { docs, weights }
  })
}

function hasDoc (docs, ref) {
  let low = 0
  let high = docs.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (docs[middle] === ref) return true
    if (docs[middle] < ref) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** A shard's terms, and each term's postings decoded on first use. */
function shardIndex (data) {
  const positions = new Map(data.terms.map((term, at) => [term, at]))
  const decoded = new Map()
  return {
    terms: data.terms,
    has: (term) => positions.has(term),
    postings (term) {
      if (!decoded.has(term)) decoded.set(term, decodePostings(data.postings[positions.get(term)]))
      return decoded.get(term)
    }
  }
}

/** Each item of one field's encoded postings, with its weight: ``visit(ref, weight)``. */
function eachPosting (flat, visit) {
  let ref = 0
  for (let at = 0; at < flat.length; at += 2) {
    ref += flat[at]
    visit(ref, flat[at + 1])
  }
}

/**
 * The ``most`` items where a term weighs most over all its fields (of ``allowed``, when
 * given); ties go to the lower item number. As search_index._strongest chooses them.
 */
function strongest (entry, allowed, most) {
  const totals = new Map()
  for (const flat of entry) {
    eachPosting(flat, (ref, weight) => {
      if (!allowed || allowed.has(ref)) totals.set(ref, (totals.get(ref) || 0) + weight)
    })
  }
  const refs = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || a - b)
  return new Set(refs.slice(0, most))
}

/**
 * One file: a related-word group's postings, taken from the whole index by the rule
 * search_index.related_postings writes a sharded site's group files by: only fields other
 * than the body; a word ``phrased`` lists (looked for only within phrases) only for the items
 * listed there, which hold a whole phrase of it; and at most ``most`` items a word.
 */
export function groupPostings (whole, words, phrased, bodyField, most, positions = new Map(whole.terms.map((term, at) => [term, at]))) {
  const terms = []
  const postings = []
  for (const term of [...new Set(words)].sort()) {
    if (!positions.has(term)) continue
    let item = 0
    const allowed = phrased[term] ? new Set(phrased[term].map((gap) => (item += gap))) : null
    const outside = whole.postings[positions.get(term)].map((flat, field) => (field === bodyField ? [] : flat))
    const keep = strongest(outside, allowed, most)
    const entry = outside.map((flat) => {
      const kept = []
      let previous = 0
      eachPosting(flat, (ref, weight) => {
        if (keep.has(ref)) {
          kept.push(ref - previous, weight)
          previous = ref
        }
      })
      return kept
    })
    if (entry.some((flat) => flat.length)) {
      terms.push(term)
      postings.push(entry)
    }
  }
  return { terms, postings }
}

/** Which documents are of which type and theme, from the manifest's compact facets. */
function facets (manifest) {
  const typeOf = new Array(manifest.count)
  let start = 0
  for (const [type, end] of manifest.types) {
    typeOf.fill(type, start, end)
    start = end
  }
  return {
    typeOf,
    combos: manifest.combos,
    themesOf: (ref) => manifest.combos[manifest.docCombos[ref]]
  }
}

/**
 * Score expanded clauses as lunr.Index.query would, given a way to reach a term's postings.
 * Returns the documents hit and their scores (parallel arrays, in no order) and the terms used.
 */
export function scoreTerms (expansions, postingsOf, fieldCount, docCount) {
  const boosts = new Map()
  for (const { terms, boost } of expansions) {
    for (const term of terms) boosts.set(term, (boosts.get(term) || 0) + boost)
  }
  // lunr sums each field's dot product in term order, and divides by the query's length once.
  const terms = [...boosts.keys()].sort()
  let squares = 0
  for (const term of terms) squares += boosts.get(term) ** 2
  const magnitude = Math.sqrt(squares)
  const { sums, seen, touched } = scratchFor(fieldCount, docCount)
  let hits = 0
  for (const term of terms) {
    const boost = boosts.get(term)
    const perField = postingsOf(term)
    for (let field = 0; field < perField.length; field++) {
      const { docs, weights } = perField[field]
      const sum = sums[field]
      const bit = 1 << field
      for (let at = 0; at < docs.length; at++) {
        const ref = docs[at]
        sum[ref] += boost * weights[at]
        if (!seen[ref]) touched[hits++] = ref
        seen[ref] |= bit
      }
    }
  }
  const refs = touched.slice(0, hits)
  const scores = new Float64Array(hits)
  for (let at = 0; at < hits; at++) {
    const ref = refs[at]
    let score = 0
    for (let field = 0; field < fieldCount; field++) {
      if (seen[ref] & (1 << field)) score += sums[field][ref] / magnitude || 0
      sums[field][ref] = 0
    }
    seen[ref] = 0
    scores[at] = score
  }
  return { refs, scores, terms }
}

// Arrays the size of the site, kept from one search to the next and left zeroed: allocating
// them for every keystroke costs more than scoring on a large site, and the garbage
// collector's pauses showed as the slowest keystrokes.
const scratch = { docCount: -1, fieldCount: -1 }

function scratchFor (fieldCount, docCount) {
  if (scratch.docCount !== docCount || scratch.fieldCount !== fieldCount) {
    Object.assign(scratch, {
      docCount,
      fieldCount,
      sums: Array.from({ length: fieldCount }, () => new Float64Array(docCount)),
      seen: new Uint8Array(docCount),
      touched: new Int32Array(docCount),
      position: new Int32Array(docCount).fill(-1)
    })
  }
  return scratch
}

/**
 * Results in rank order, put in order only as far as they are read: a common word can hit
 * every document, and a page draws 20.
 */
class RankedResults {
  constructor (refs, scores, describe) {
    this.refs = refs
    this.scores = scores
    this.describe = describe
    this.order = []
  }

  get length () {
    return this.refs.length
  }

  /** The results from ``from`` to ``to`` in rank order, as objects. */
  slice (from = 0, to = this.length) {
    if (to > this.order.length && this.order.length < this.length) {
      this.order = rankHits(this.refs, this.scores, Math.max(to, 2 * this.order.length))
    }
    return this.order.slice(from, to).map((at) => this.describe(this.refs[at], this.scores[at]))
  }
}

/**
 * The engine for one manifest. ``load(name)`` fetches a file of the manifest's folder as JSON.
 */
export function createSearchEngine (lunr, manifest, load) {
  const spellings = manifest.spellings || {}
  const boundaries = manifest.shards
  const fieldCount = manifest.fields.length
  const facts = facets(manifest)
  const comboOf = Uint32Array.from(manifest.docCombos)
  const shards = new Map()
  const chunks = new Map()
  const relatedFiles = new Map()
  const searchPipeline = lunr.Pipeline.load(['stemmer'])
  const stemOf = (word) => indexStem(searchPipeline.runString(word)[0] || word, word)
  const related = relatedIndex(manifest)
  const isFiller = (stem) => related.filler.has(stem)
  const bodyField = manifest.fields.indexOf('body')
  let termSet = null

  function remember (cache, key, make) {
    if (!cache.has(key)) {
      const promise = make()
      cache.set(key, promise)
      promise.catch(() => cache.delete(key)) // a failed fetch may be retried
    }
    return cache.get(key)
  }

  function shard (number) {
    return remember(shards, number, () => (manifest.inline
      ? Promise.resolve(manifest.inline.shard)
      : load(manifest.files.shard.replace('{}', number))).then(shardIndex))
  }

  /** The postings of a related-word group's words (a small file of its own on a sharded site). */
  function relatedFile (number) {
    return remember(relatedFiles, number, () => (manifest.inline
      ? Promise.resolve(inlineGroup(number))
      : load(manifest.files.related.replace('{}', number))).then(shardIndex))
  }

  let inlinePositions = null
  function inlineGroup (number) {
    const whole = manifest.inline.shard
    inlinePositions ||= new Map(whole.terms.map((term, at) => [term, at]))
    return groupPostings(whole, related.words[number], manifest.inline.phrased || {}, bodyField, manifest.relatedItems, inlinePositions)
  }

  /**
   * Where each related word of a plan is looked up: its group's file. A query word's related
   * words then cost one small request beside its own shard, not the shards of every related
   * word, and rank exactly as in one file. (One file: nothing to fetch.) A word the file
   * leaves out counts nowhere outside the body, so it is found nowhere: its shard is not
   * fetched, and its body postings never stand in for the group's.
   */
  async function relatedHomes (plan) {
    const homes = new Map()
    const numbers = [...new Set(plan.flatMap((word) => word.groups))].filter((number) => related.words[number].length)
    const files = await Promise.all(numbers.map(relatedFile))
    files.forEach((file, at) => {
      for (const term of related.words[numbers[at]]) homes.set(term, file)
    })
    return homes
  }

  /** lunr's TokenSet of every term, for typo matching: only fetched when a search needs it. */
  function allTerms () {
    termSet ||= (manifest.inline
      ? shard(0).then((index) => index.terms)
      : load(manifest.files.terms).then(frontDecode))
      .then((terms) => lunr.TokenSet.fromArray(terms))
    termSet.catch(() => { termSet = null })
    return termSet
  }

  /** The shard, or related-word file, that holds a term's postings. */
  function indexFor (term, homes) {
    return homes.has(term) ? Promise.resolve(homes.get(term)) : shard(shardFor(boundaries, term))
  }

  async function expand (clause, homes) {
    const term = clause.usePipeline ? searchPipeline.runString(clause.term)[0] : clause.term
    if (term === undefined) return []
    if (clause.editDistance) {
      const found = (await allTerms()).intersect(lunr.TokenSet.fromFuzzyString(term, clause.editDistance)).toArray()
      await Promise.all([...new Set(found.map((t) => shardFor(boundaries, t)))].map(shard))
      return found
    }
    if (clause.wildcard) {
      const parts = await Promise.all(shardsForPrefix(boundaries, term).map(shard))
      return parts.flatMap((index) => withPrefix(index.terms, term))
    }
    return (await indexFor(term, homes)).has(term) ? [term] : []
  }

  /** Expand and score lunr query clauses: refs and scores (unordered), terms, postings. */
  async function scoreClauses (clauses, homes = new Map()) {
    const none = new Map()
    const expansions = await Promise.all(clauses.map(async (clause) => ({
      terms: await expand(clause, clause.related ? homes : none), boost: clause.boost, related: clause.related
    })))
    // A term the reader's own words reach keeps every posting; one reached only as a related
    // word has its group's postings (outside the body: search_index.related_postings).
    const own = new Set(expansions.filter((expansion) => !expansion.related).flatMap((expansion) => expansion.terms))
    const indexes = new Map()
    for (const { terms } of expansions) {
      for (const term of terms) indexes.set(term, await indexFor(term, own.has(term) ? none : homes))
    }
    const postingsOf = (term) => indexes.get(term).postings(term)
    return { ...scoreTerms(expansions, postingsOf, fieldCount, manifest.count), postingsOf }
  }

  /** Every hit of lunr query clauses, ranked ({ ref, score }): for the parity test. */
  async function runClauses (clauses) {
    const { refs, scores } = await scoreClauses(clauses)
    return { hits: rankHits(refs, scores).map((at) => ({ ref: refs[at], score: scores[at] })) }
  }

  function queryWords (text) {
    // A possessive is the word itself to a reader: "her family's side" is about family.
    const words = tokenize(text).map((word) => foldSpelling(word.replace(/'s$/, ''), spellings))
    const meaningful = words.filter((word) => lunr.stopWordFilter(new lunr.Token(word)))
    return meaningful.length ? meaningful : words
  }

  /** Per word: what was typed, its stem, and the related stems it also looks for. */
  function planFor (words, typos) {
    return planQuery(words, words.map(stemOf), related, typos)
  }

  /** Scores re-made by coverage of the reader's words, then lunr's score (search-meaning.js). */
  function byMeaning (scored, plan) {
    const { refs } = scored
    const { position } = scratchFor(fieldCount, manifest.count)
    for (let at = 0; at < refs.length; at++) position[refs[at]] = at
    const hitsOf = (term, visit) => {
      const perField = scored.postingsOf(term)
      for (let field = 0; field < perField.length; field++) {
        const { docs } = perField[field]
        for (let at = 0; at < docs.length; at++) {
          const hit = position[docs[at]]
          if (hit >= 0) visit(hit, field)
        }
      }
    }
    const credit = creditsFromPostings(refs.length, scored.terms, hitsOf, plan, bodyField)
    for (let at = 0; at < refs.length; at++) position[refs[at]] = -1
    return { ...scored, scores: coverageScores(scored.scores, credit, plan, isFiller, manifest.count) }
  }

  /** Start fetching the shards of the reader's own words (and their prefixes), without waiting. */
  function prefetch (clauses) {
    for (const clause of clauses) {
      const term = clause.usePipeline ? searchPipeline.runString(clause.term)[0] : clause.term
      if (term === undefined || clause.editDistance) continue
      for (const number of clause.wildcard ? shardsForPrefix(boundaries, term) : [shardFor(boundaries, term)]) {
        shard(number).catch(() => {}) // a failure shows when the search itself asks for the shard
      }
    }
  }

  async function rank (words) {
    const plan = planFor(words, false)
    const own = queryClauses(words, false, stemOf)
    const meaning = meaningClauses(plan)
    // The own words' shards are fetched while the related-word files are, not after them.
    prefetch([...own, ...meaning.filter((clause) => clause.wildcard)])
    const exact = await scoreClauses([...own, ...meaning], await relatedHomes(plan))
    if (exact.refs.length) return { ...byMeaning(exact, plan), fuzzy: false, exact: foundOwnWords(exact.terms, plan) }
    // Nothing as typed: allow typos, and related words also near a typo ("gratitute").
    const typos = planFor(words, true)
    const close = await scoreClauses([...queryClauses(words, true, stemOf), ...meaningClauses(typos)], await relatedHomes(typos))
    return { ...byMeaning(close, typos), fuzzy: true, exact: false }
  }

  /** Every document in one of the themes, score 0: refs are in browse order already. */
  function everythingIn (wanted) {
    const refs = []
    for (let ref = 0; ref < manifest.count; ref++) {
      if (wanted[comboOf[ref]]) refs.push(ref)
    }
    return { refs: Int32Array.from(refs), scores: new Float64Array(refs.length), terms: [], fuzzy: false }
  }

  /** A result: its ref, score, type and themes; the matched terms are worked out when asked. */
  function describer (ranked) {
    return (ref, score) => ({
      ref,
      score,
      type: facts.typeOf[ref],
      themes: facts.themesOf(ref),
      get terms () {
        return ranked.terms.filter((term) => ranked.postingsOf(term).some(({ docs }) => hasDoc(docs, ref)))
      }
    })
  }

  /**
   * Search for text, keeping results in any of the selected themes (none selected: all).
   * Resolves to the results (RankedResults: ``length`` and ``slice``), a count per theme for
   * the text, whether typos were allowed, whether the reader's own words were found
   * (``exact``: not only close or related words) and the words searched.
   */
  async function search (text, selectedThemes = []) {
    const themes = new Set(selectedThemes)
    const words = queryWords(text)
    const wanted = facts.combos.map((combo) => combo.some((theme) => themes.has(theme)))
    const empty = { refs: new Int32Array(0), scores: new Float64Array(0), terms: [], fuzzy: false }
    const ranked = words.length ? await rank(words) : themes.size ? everythingIn(wanted) : empty
    const perCombo = new Int32Array(facts.combos.length)
    for (let at = 0; at < ranked.refs.length; at++) perCombo[comboOf[ranked.refs[at]]]++
    const counts = {}
    facts.combos.forEach((combo, number) => {
      for (const theme of combo) counts[theme] = (counts[theme] || 0) + perCombo[number]
    })
    let { refs, scores } = ranked
    if (themes.size) {
      const kept = []
      refs.forEach((ref, at) => { if (wanted[comboOf[ref]]) kept.push(at) })
      refs = Int32Array.from(kept, (at) => ranked.refs[at])
      scores = Float64Array.from(kept, (at) => ranked.scores[at])
    }
    const exact = Boolean(ranked.exact)
    return { results: new RankedResults(refs, scores, describer(ranked)), counts, fuzzy: ranked.fuzzy, exact, words }
  }

  /** The display data (url, title, summary) of some results, fetched in chunks. */
  async function documents (refs) {
    const size = manifest.chunkDocs
    const chunk = (number) => remember(chunks, number, () => (manifest.inline
      ? Promise.resolve(manifest.inline.docs.slice(number * size, (number + 1) * size))
      : load(manifest.files.chunk.replace('{}', number))))
    const loaded = await Promise.all(refs.map((ref) => chunk(Math.floor(ref / size))))
    return refs.map((ref, at) => {
      const [url, title, summary] = loaded[at][ref % size]
      return { url, title, summary }
    })
  }

  /** Split text into parts, marking the words that match one of the result's terms. */
  function highlight (text, terms) {
    const wanted = new Set(terms)
    return String(text).split(/(\p{L}[\p{L}\p{N}'’]*)/u).filter(Boolean).map((part) => {
      if (!/^\p{L}/u.test(part) || !wanted.size) return { text: part, match: false }
      const folded = foldSpelling(tokenize(part)[0] || '', spellings)
      const stem = stemOf(folded)
      return { text: part, match: wanted.has(stem) || wanted.has(folded) }
    })
  }

  return { search, documents, highlight, runClauses, themeNames: manifest.themes, size: manifest.count }
}
