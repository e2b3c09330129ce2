// Runs searches through search-engine.js over the files the Python build wrote; prints JSON.
// Usage: node engine_driver.mjs <folder> '<[[text, [themes...]], ...]>'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const lunr = require('../../node_modules/lunr/lunr.js')
const { createSearchEngine } = await import('../../theme/static/js/search-engine.js')

const [folder, searches] = process.argv.slice(2)
const fetched = []
const load = async (name) => {
  fetched.push(name)
  return JSON.parse(readFileSync(join(folder, name), 'utf8'))
}
const engine = createSearchEngine(lunr, await load('index.json'), load)
const out = []
for (const [text, themes] of JSON.parse(searches)) {
  fetched.length = 0
  const found = await engine.search(text, themes)
  const { counts, fuzzy, words } = found
  const results = found.results.slice()
  const docs = await engine.documents(results.map((result) => result.ref))
  out.push({
    words,
    fuzzy,
    counts,
    fetched: [...fetched],
    results: results.map((result, at) => ({ ...docs[at], type: result.type, themes: result.themes, score: result.score, terms: result.terms }))
  })
}
process.stdout.write(JSON.stringify(out))
