// The hub's own search engine over a built site, in Node, for the relevance measures:
// the engine from theme/static/js with the site's search files, and the danger matcher
// that puts the safety page first, as the search page does (safety-panel.js).
// Usage: node hub-search.mjs INPUT.json  (see bench/searchers.py for INPUT's fields)
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const json = (path) => JSON.parse(readFileSync(path, 'utf8'))
const lunr = createRequire(import.meta.url)(input.lunr)
const module = (name) => import(pathToFileURL(`${input.js}/${name}`).href)
const { createSearchEngine } = await module('search-engine.js')
const { createLunrDangerMatcher } = await module('safety-match.js')

const engine = createSearchEngine(lunr, json(input.index), json(input.store))
const isDanger = createLunrDangerMatcher(lunr, input.danger)
const results = input.queries.map((query) => {
  let urls = engine.search(query).results.map((result) => result.doc.url)
  if (isDanger(query)) urls = [input.safetyUrl, ...urls.filter((url) => url !== input.safetyUrl)]
  return urls.slice(0, input.depth)
})
process.stdout.write(JSON.stringify(results))
