// Runs the same lunr query clauses through one lunr.Index (lunr.js, loading lunr.py's index)
// and through the sharded engine over the files the build wrote; prints what differs as JSON.
// Usage: node search_parity.mjs <shard folder> <lunr.json> <queries.json>
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const lunr = require('../../node_modules/lunr/lunr.js')
const { createSearchEngine, queryClauses } = await import('../../theme/static/js/search-engine.js')

const [folder, referencePath, queriesPath] = process.argv.slice(2)
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))
const load = async (name) => readJson(join(folder, name))
const engine = createSearchEngine(lunr, await load('index.json'), load)
const index = lunr.Index.load(readJson(referencePath))
const TOLERANCE = 1e-9

function lunrQuery (clauses) {
  return index.query((query) => {
    for (const clause of clauses) {
      const options = { usePipeline: clause.usePipeline, boost: clause.boost }
      if (clause.wildcard) options.wildcard = lunr.Query.wildcard.TRAILING
      if (clause.editDistance) options.editDistance = clause.editDistance
      query.term(clause.term, options)
    }
  })
}

const report = { queries: 0, hits: 0, maxDifference: 0, exact: 0, problems: [] }
for (const words of readJson(queriesPath)) {
  for (const fuzzy of [false, true]) {
    const clauses = queryClauses(words, fuzzy)
    const expected = lunrQuery(clauses)
    const { hits } = await engine.runClauses(clauses)
    report.queries++
    report.hits += hits.length
    const mine = new Map(hits.map((hit) => [String(hit.ref), hit.score]))
    if (mine.size !== expected.length) {
      report.problems.push({ words, fuzzy, problem: `${mine.size} hits, lunr ${expected.length}` })
      continue
    }
    for (const { ref, score } of expected) {
      const difference = Math.abs((mine.get(ref) ?? Infinity) - score)
      report.maxDifference = Math.max(report.maxDifference, difference)
      if (difference === 0) report.exact++
      if (!(difference <= TOLERANCE)) report.problems.push({ words, fuzzy, ref, score, mine: mine.get(ref) ?? null })
    }
    // The order: best first, each score no higher than the one before.
    hits.forEach((hit, at) => {
      if (at && hit.score > hits[at - 1].score) report.problems.push({ words, fuzzy, problem: `not sorted at ${at}` })
    })
  }
}
report.problems = report.problems.slice(0, 20)
process.stdout.write(JSON.stringify(report))
