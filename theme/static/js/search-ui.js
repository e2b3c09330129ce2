/**
 * Search widget, for the header box and the /search/ page. The form is a plain GET form
 * to /search/; this adds results as the reader types. The index is fetched only when a
 * reader focuses the box or opens /search/. Results are built with textContent only.
 */
import { createSafetyPanel } from './safety-panel.js'

const DEBOUNCE_MS = 120
// Results are drawn a page at a time: drawing thousands of matches for a common word
// would make every keystroke slow.
const PAGE_SIZE = 20
const TYPE_LABELS = { tip: 'Tip', article: 'Article', page: 'Page' }
const engines = new Map()

function loadEngine (indexUrl, storeUrl) {
  if (!engines.has(indexUrl)) {
    const fetchJson = (url) => fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`)
      return response.json()
    })
    // The engine and lunr.js load with the index, on first use, not with every page.
    const engine = import('./search-engine.js')
    const lunr = import('./lunr-loader.js').then((loader) => loader.loadLunr())
    engines.set(indexUrl, Promise.all([lunr, fetchJson(indexUrl), fetchJson(storeUrl), engine])
      .then(([lunr, index, store, { createSearchEngine }]) => createSearchEngine(lunr, index, store)))
  }
  return engines.get(indexUrl)
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function renderResult (engine, result) {
  const $item = document.createElement('li')
  $item.className = 'search-result'
  const $link = document.createElement('a')
  $link.href = result.doc.url
  const $meta = document.createElement('span')
  $meta.className = 'search-result__meta'
  const themeNames = result.doc.themes.map((slug) => engine.themeNames[slug] || slug)
  $meta.textContent = [TYPE_LABELS[result.doc.type] || result.doc.type, themeNames.join(', ')].filter(Boolean).join(' · ')
  const $title = document.createElement('span')
  $title.className = 'search-result__title'
  appendHighlighted($title, engine.highlight(result.doc.title, result.terms))
  const $summary = document.createElement('span')
  $summary.className = 'search-result__summary'
  appendHighlighted($summary, engine.highlight(result.doc.summary, result.terms))
  $link.append($title, $meta, $summary)
  $item.append($link)
  return $item
}

function appendHighlighted ($parent, parts) {
  for (const part of parts) {
    if (part.match) {
      const $mark = document.createElement('mark')
      $mark.textContent = part.text
      $parent.append($mark)
    } else {
      $parent.append(document.createTextNode(part.text))
    }
  }
}

function describe (count, query, themeCount, fuzzy) {
  if (!query && !themeCount) return ''
  const noun = count === 1 ? 'result' : 'results'
  const about = query ? ` for “${query}”` : ''
  const note = fuzzy && count ? ' (close matches, allowing for typos)' : ''
  return `${count} ${noun}${about}${note}`
}

export default function initSearch ($root) {
  const isPage = $root.hasAttribute('data-search-page')
  const $form = $root.matches('form') ? $root : $root.querySelector('form')
  const $input = $root.querySelector('.js-search-input')
  const $results = $root.querySelector('.js-search-results')
  const $status = $root.querySelector('.js-search-status')
  const $panel = $root.querySelector('.js-search-panel')
  const $allLink = $root.querySelector('.js-search-all')
  const $filters = [...$root.querySelectorAll('.js-search-filters input[name="theme"]')]
  const limit = Number($root.dataset.searchLimit || 0)
  const $more = $root.querySelector('.js-search-more')
  // The page's "other ways in" (themes, quiz, safety page), for a search without exact matches.
  const $ways = $root.querySelector('.js-search-ways')
  let shownResults = []
  let shownEngine = null
  const safety = createSafetyPanel($root)
  // Danger words are checked before any ranking, so the matcher loads with the engine.
  const load = () => Promise.all([loadEngine($root.dataset.searchIndex, $root.dataset.searchStore), safety.load()])
    .then(([engine]) => engine)
  let searchId = 0
  // The first keystroke after a settled search adds a history entry; the rest update it.
  let typing = false

  const selectedThemes = () => $filters.filter(($box) => $box.checked).map(($box) => $box.value)

  async function update (delay) {
    const id = ++searchId
    if (delay) await wait(delay)
    if (id !== searchId) return
    let engine
    try {
      engine = await load()
    } catch (error) {
      $status.textContent = 'Search could not load. Please browse the themes instead.'
      throw error
    }
    if (id !== searchId) return
    show(engine, engine.search($input.value, selectedThemes()))
  }

  function drawMore () {
    const from = $results.children.length
    const upTo = limit || from + PAGE_SIZE
    $results.append(...shownResults.slice(from, upTo).map((result) => renderResult(shownEngine, result)))
    if ($more) $more.hidden = $results.children.length >= shownResults.length || Boolean(limit)
  }

  /** The status line: the count, or, on the page, what to do when nothing matched exactly. */
  function statusFor (query, count, fuzzy, exact) {
    if ($ways && query && !exact) {
      const sentence = count ? $ways.dataset.close : $ways.dataset.none
      return sentence.replace('{query}', query)
    }
    return describe(count, query, selectedThemes().length, fuzzy)
  }

  function show (engine, { results, counts, fuzzy, exact }) {
    const query = $input.value.trim()
    const danger = safety.update(query)
    shownResults = danger ? safety.rank(results) : results
    shownEngine = engine
    $results.replaceChildren()
    drawMore()
    if ($ways) $ways.hidden = !query || exact
    const description = statusFor(query, shownResults.length, fuzzy, exact)
    $status.textContent = danger ? `${safety.announce} ${description}` : description
    for (const $count of $root.querySelectorAll('.js-theme-count')) {
      $count.textContent = query ? `(${counts[$count.dataset.theme] || 0})` : ''
    }
    if ($panel) {
      $panel.hidden = !query
      $allLink.href = `${$form.action}?${new URLSearchParams({ q: query })}`
    }
  }

  function stateFromUrl ({ keepTyped = false } = {}) {
    const params = new URLSearchParams(window.location.search)
    // A reader may have typed before this script ran; their words win over an empty URL.
    if (!(keepTyped && $input.value && !params.has('q'))) $input.value = params.get('q') || ''
    const themes = new Set(params.getAll('theme'))
    for (const $box of $filters) $box.checked = themes.has($box.value)
  }

  function urlForState () {
    const params = new URLSearchParams()
    if ($input.value.trim()) params.set('q', $input.value.trim())
    for (const theme of selectedThemes()) params.append('theme', theme)
    const query = params.toString()
    return query ? `?${query}` : window.location.pathname
  }

  function remember (push) {
    if (!isPage) return
    const url = urlForState()
    if (url === window.location.search || (url === window.location.pathname && !window.location.search)) return
    if (push) window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
  }

  function links () {
    return [...$results.querySelectorAll('a')]
  }

  function clear () {
    $input.value = ''
    remember(true)
    update(0)
    $input.focus()
  }

  $input.addEventListener('focus', () => { load().catch(() => {}) }, { once: true })
  if ($more) {
    $more.addEventListener('click', () => {
      const next = $results.children.length
      drawMore()
      $results.children[next]?.querySelector('a')?.focus()
    })
  }
  $input.addEventListener('input', () => {
    remember(!typing)
    typing = true
    update(DEBOUNCE_MS)
  })
  for (const $box of $filters) {
    $box.addEventListener('change', () => {
      remember(true)
      typing = false
      update(0)
    })
  }
  $form.addEventListener('submit', (event) => {
    if (!isPage) return
    event.preventDefault()
    remember(true)
    typing = false
    update(0)
  })
  $root.addEventListener('keydown', (event) => {
    const all = links()
    const at = all.indexOf(document.activeElement)
    if (event.key === 'ArrowDown' && all.length && (event.target === $input || at >= 0)) {
      event.preventDefault()
      all[Math.min(at + 1, all.length - 1)].focus()
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault()
      if (at === 0) $input.focus()
      else all[at - 1].focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      clear()
    }
  })
  if ($panel) {
    $root.addEventListener('focusout', (event) => {
      if (!$root.contains(event.relatedTarget)) $panel.hidden = true
    })
    $input.addEventListener('focus', () => { $panel.hidden = !$input.value.trim() })
  }
  if (isPage) {
    window.addEventListener('popstate', () => {
      typing = false
      stateFromUrl()
      update(0)
    })
    stateFromUrl({ keepTyped: true })
    update(0)
  } else if ($input.value.trim() && document.activeElement === $input) {
    update(0)
  }
  $root.setAttribute('data-search-ready', '')
}
