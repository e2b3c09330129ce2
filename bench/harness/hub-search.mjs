// The hub's own search engine over a built site, in Node, for the relevance measures:
// the engine from theme/static/js with the site's search files (manifest, shards, chunks),
// and the danger matcher that puts the safety page first, as the search page does.
// Usage: node hub-search.mjs INPUT.json  (see bench/searchers.py for INPUT's fields)
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const folder = dirname(input.manifest)
const load = async (name) => JSON.parse(readFileSync(join(folder, name), 'utf8'))
const lunr = createRequire(import.meta.url)(input.lunr)
const module = (name) => import(pathToFileURL(`${input.js}/${name}`).href)
const { createSearchEngine } = await module('search-engine.js')
const { createLunrDangerMatcher } = await module('safety-match.js')

const engine = createSearchEngine(lunr, JSON.parse(readFileSync(input.manifest, 'utf8')), load)
const isDanger = createLunrDangerMatcher(lunr, input.danger)
const results = []
for (const query of input.queries) {
  const found = (await engine.search(query)).results.slice(0, input.depth)
  let urls = (await engine.documents(found.map((result) => result.ref))).map((doc) => doc.url)
  if (isDanger(query)) urls = [input.safetyUrl, ...urls.filter((url) => url !== input.safetyUrl)]
  results.push(urls.slice(0, input.depth))
}
process.stdout.write(JSON.stringify(results))
