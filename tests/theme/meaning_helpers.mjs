// Test helpers for search-meaning.js, called from tests/theme/test_search_meaning.py through
// tests/jsmodule.py: JSON in, JSON out, so the page's module carries no test-only code.
import { coverageScores, creditsFromPostings, creditsFromTerms, planQuery, relatedIndex, relatedTerms } from '../../theme/static/js/search-meaning.js'

export { withinEdits } from '../../theme/static/js/search-meaning.js'

/** the related stems of each stem, from the data the page carries. */
export function relatedFor (stems, data, typos) {
  return relatedTerms(stems, relatedIndex(data), typos)
}

/** a query's plan from the data the page carries. */
export function planFor (stems, data, typos) {
  return planQuery(stems, stems, relatedIndex(data), typos)
}

/** a hit's matched terms as a term -> fields map; "term@body" is a body-only match. */
function asFields (terms) {
  const fields = {}
  for (const entry of terms) {
    const [term, field] = entry.split('@')
    ;(fields[term] ||= []).push(field || 'title')
  }
  return fields
}

/** hit positions in the order coverageScores gives them. */
export function coverageOrder (scores, matched, plan, filler, docCount) {
  const filled = new Set(filler)
  const credit = creditsFromTerms(scores.length, (at) => asFields(matched[at]), plan, 'body')
  const ranked = coverageScores(scores, credit, plan, (stem) => filled.has(stem), docCount)
  return scores.map((_, at) => at).sort((a, b) => ranked[b] - ranked[a] || a - b)
}

/** credits worked out from each hit's terms and from postings, side by side. */
export function creditsBothWays (matched, plan) {
  const byHit = matched.map(asFields)
  const terms = [...new Set(byHit.flatMap(Object.keys))]
  const hitsOf = (term, visit) => byHit.forEach((fields, at) => { for (const field of fields[term] || []) visit(at, field) })
  return [
    Array.from(creditsFromTerms(matched.length, (at) => byHit[at], plan, 'body')),
    Array.from(creditsFromPostings(matched.length, terms, hitsOf, plan, 'body'))
  ]
}

/** each word stemmed by lunr.js and put in the form the index (lunr.py) holds it. */
export async function indexStems (words) {
  const { createRequire } = await import('node:module')
  const lunr = createRequire(import.meta.url)('../../node_modules/lunr/lunr.js')
  const { indexStem } = await import('../../theme/static/js/search-meaning.js')
  return words.map((word) => indexStem(lunr.stemmer(new lunr.Token(word)).toString(), word))
}
