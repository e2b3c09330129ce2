/**
 * Danger matching, with no DOM: does a reader's query say they may be in danger?
 *
 * The words and phrases come from content/safety-words.yml, through the page. Both sides are
 * normalised as search normalises a query (lower case, punctuation trimmed, British spellings
 * folded, stemmed), so "hits", "hit" and "hitting" meet. A phrase's words must come in order,
 * with at most `gap` other words between them; `{group}` stands for any word of that group.
 */
import { foldSpelling, tokenize } from './search-engine.js'

const PLACEHOLDER = /^\{([a-z]+)\}$/

/** Is phrase[from...] found in tokens, starting at or after `start` (any start when `anchored` is false)? */
function phraseAt (phrase, tokens, start, gap, anchored) {
  if (!phrase.length) return true
  const last = anchored ? Math.min(tokens.length - 1, start + gap) : tokens.length - 1
  for (let i = start; i <= last; i++) {
    if (phrase[0].has(tokens[i]) && phraseAt(phrase.slice(1), tokens, i + 1, gap, true)) return true
  }
  return false
}

/**
 * Build a matcher from the list the page carries. `stem` turns a folded word into its stem
 * (lunr's stemmer in the page); without it words are compared as folded.
 */
export function createDangerMatcher (data, stem = (word) => word) {
  const spellings = data.spellings || {}
  const normalise = (word) => stem(foldSpelling(word, spellings))
  const groups = Object.fromEntries(
    Object.entries(data.groups || {}).map(([name, words]) => [name, new Set(words.map(normalise))])
  )
  const words = new Set((data.words || []).map(normalise))
  const phrases = (data.phrases || []).map((parts) => parts.map((part) => {
    const placeholder = PLACEHOLDER.exec(part)
    return placeholder ? groups[placeholder[1]] : new Set([normalise(part)])
  }))
  const gap = Number.isInteger(data.gap) ? data.gap : 2

  return function isDanger (query) {
    const tokens = tokenize(query).map(normalise)
    if (tokens.some((token) => words.has(token))) return true
    return phrases.some((phrase) => phraseAt(phrase, tokens, 0, gap, false))
  }
}

/** The same matcher with lunr's stemmer: what the page uses. */
export function createLunrDangerMatcher (lunr, data) {
  return createDangerMatcher(data, (word) => lunr.stemmer(new lunr.Token(word)).toString())
}

/** For tests in Node: which of these queries match? */
export function matchAll (data, queries, lunrPath) {
  return import(lunrPath).then((module) => {
    const lunr = module.default || module
    const isDanger = createLunrDangerMatcher(lunr, data)
    return queries.map((query) => isDanger(query))
  })
}
