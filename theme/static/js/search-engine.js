/**
 * Search logic, with no DOM: a reader's words in, ranked results out, with theme filters.
 * lunr is passed in, so the same module runs in the page and in tests.
 *
 * A reader's text never reaches lunr's query parser (which throws on input such as
 * "love:" or "~"): queries are built with lunr's Query API from plain words.
 *
 * Meaning is added on top of lunr's scores by search-meaning.js: related words from
 * content/search-words.yml, and ranking by how much of the query a result covers.
 */
import { coverageScores, creditsFromTerms, foundOwnWords, meaningClauses, planQuery, relatedIndex } from './search-meaning.js'

const SEPARATOR = /[\s\-]+/
const EDGE_PUNCTUATION = /^\W+|\W+$/g
const TYPE_ORDER = { tip: 0, article: 1, page: 2 }

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

export function createSearchEngine (lunr, serializedIndex, store) {
  const index = lunr.Index.load(serializedIndex)
  const docs = store.docs
  const spellings = store.spellings || {}
  const related = relatedIndex(store)
  const stem = (word) => lunr.stemmer(new lunr.Token(word)).toString()

  function queryWords (text) {
    // A possessive is the word itself to a reader: "her family's side" is about family.
    const words = tokenize(text).map((word) => foldSpelling(word.replace(/'s$/, ''), spellings))
    const meaningful = words.filter((word) => lunr.stopWordFilter(new lunr.Token(word)))
    return meaningful.length ? meaningful : words
  }

  /** Per word: its stem, what was typed, and the related stems it also looks for. */
  function planFor (words, typos) {
    return planQuery(words, words.map(stem), related, typos)
  }

  function run (words, fuzzy, plan) {
    const last = words.length - 1
    return index.query((query) => {
      words.forEach((word, position) => {
        query.term(word, { usePipeline: true, boost: 10 })
        // Only the word being typed may be unfinished; expanding every word would make each
        // keystroke walk the whole index several times.
        if (position === last && word.length >= 3) {
          query.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 })
        }
        if (fuzzy && word.length >= 4) {
          // Index terms are stemmed, so a misspelt word is compared both as typed and stemmed.
          query.term(word, { usePipeline: false, editDistance: editDistanceFor(word), boost: 1 })
          query.term(word, { usePipeline: true, editDistance: editDistanceFor(word), boost: 1 })
        }
      })
      // Related words and other forms of each word, below the reader's own words.
      for (const { term, boost, wildcard } of meaningClauses(plan)) {
        query.term(term, { usePipeline: false, boost, wildcard: wildcard ? lunr.Query.wildcard.TRAILING : undefined })
      }
    })
  }

  /** Hits re-ordered by coverage of the reader's words, then lunr's score. */
  function byMeaning (hits, plan) {
    const fieldsOf = (at) => Object.fromEntries(
      Object.entries(hits[at].matchData.metadata).map(([term, fields]) => [term, Object.keys(fields)])
    )
    const credit = creditsFromTerms(hits.length, fieldsOf, plan, 'body')
    const isFiller = (word) => related.filler.has(word)
    const scores = coverageScores(hits.map((hit) => hit.score), credit, plan, isFiller, docs.length)
    const ranked = hits
      .map((hit, at) => ({ ...hit, score: scores[at], position: at }))
      .sort((a, b) => b.score - a.score || a.position - b.position)
    // Whether the reader's own words were found, or only words related to them.
    const terms = new Set(hits.flatMap((hit) => Object.keys(hit.matchData.metadata)))
    ranked.ownWords = foundOwnWords([...terms], plan)
    return ranked
  }

  function rank (words) {
    if (!words.length) return { hits: [], fuzzy: false, exact: false }
    const plan = planFor(words, false)
    const exact = run(words, false, plan)
    if (exact.length) {
      const hits = byMeaning(exact, plan)
      return { hits, fuzzy: false, exact: hits.ownWords }
    }
    const typoPlan = planFor(words, true)
    return { hits: byMeaning(run(words, true, typoPlan), typoPlan), fuzzy: true, exact: false }
  }

  function everythingIn (themes) {
    return docs
      .map((doc, ref) => ({ ref: String(ref), score: 0, doc, terms: [] }))
      .filter((result) => result.doc.themes.some((theme) => themes.has(theme)))
      .sort((a, b) => TYPE_ORDER[a.doc.type] - TYPE_ORDER[b.doc.type] || a.doc.title.localeCompare(b.doc.title))
  }

  /**
   * Search for text, keeping results in any of the selected themes (none selected: all).
   * Returns the results, a count per theme for the text, whether typos were allowed, and
   * whether the reader's own words were found (``exact``), not only close or related words.
   */
  function search (text, selectedThemes = []) {
    const themes = new Set(selectedThemes)
    const words = queryWords(text)
    let all
    let fuzzy = false
    let exact = false
    if (words.length) {
      const ranked = rank(words)
      fuzzy = ranked.fuzzy
      exact = ranked.exact
      // The matched terms are only needed for the results that get drawn, so they are read
      // lazily: a common word can match thousands of items.
      all = ranked.hits.map((hit) => ({
        ref: hit.ref,
        score: hit.score,
        doc: docs[Number(hit.ref)],
        get terms () { return Object.keys(hit.matchData.metadata) }
      }))
    } else {
      all = themes.size ? everythingIn(themes) : []
    }
    const counts = {}
    for (const result of all) {
      for (const theme of result.doc.themes) counts[theme] = (counts[theme] || 0) + 1
    }
    const results = themes.size ? all.filter((r) => r.doc.themes.some((t) => themes.has(t))) : all
    return { results, counts, fuzzy, exact, words }
  }

  /** Split text into parts, marking the words that match one of the result's terms. */
  function highlight (text, terms) {
    const wanted = new Set(terms)
    return String(text).split(/(\p{L}[\p{L}\p{N}'’]*)/u).filter(Boolean).map((part) => {
      if (!/^\p{L}/u.test(part) || !wanted.size) return { text: part, match: false }
      const folded = foldSpelling(tokenize(part)[0] || '', spellings)
      const stem = lunr.stemmer(new lunr.Token(folded)).toString()
      return { text: part, match: wanted.has(stem) || wanted.has(folded) }
    })
  }

  return { search, highlight, themeNames: store.themes, size: docs.length }
}
