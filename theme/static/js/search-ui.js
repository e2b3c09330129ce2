/**
 * Search widget, for the header box and the /search/ page. The form is a plain GET form
 * to /search/; this adds results as the reader types. The index manifest is fetched only
 * when a reader focuses the box or opens /search/; the engine then fetches the parts of the
 * index a query needs. Results are built with textContent only; every sentence comes from
 * the page (partials/search_texts.html).
 */
import { createSafetyPanel } from './safety-panel.js'
import { describe, isCurrentUrl, nextPage, resultMeta, stateFromSearch, urlForState } from './search-state.js'

const DEBOUNCE_MS = 120
// Results are drawn a page at a time: drawing thousands of matches for a common word
// would make every keystroke slow.
const PAGE_SIZE = 20
const FIRST_DRAW = 5
const engines = new Map()

function fetchJson (url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`)
    return response.json()
  })
}

/** The engine for a manifest URL, loaded once per page with lunr.js and the engine module. */
function loadEngine (manifestUrl) {
  if (!engines.has(manifestUrl)) {
    const base = new URL(manifestUrl, window.location.href)
    const load = (name) => fetchJson(new URL(name, base))
    const engine = import('./search-engine.js')
    const lunr = import('./lunr-loader.js').then((loader) => loader.loadLunr())
    const ready = Promise.all([lunr, fetchJson(base), engine])
      .then(([lunr, manifest, { createSearchEngine }]) => createSearchEngine(lunr, manifest, load))
    ready.catch(() => engines.delete(manifestUrl)) // a later focus may try again
    engines.set(manifestUrl, ready)
  }
  return engines.get(manifestUrl)
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The widget's elements, found once. */
function findParts ($root) {
  return {
    $root,
    isPage: $root.hasAttribute('data-search-page'),
    $form: $root.matches('form') ? $root : $root.querySelector('form'),
    $input: $root.querySelector('.js-search-input'),
    $results: $root.querySelector('.js-search-results'),
    $status: $root.querySelector('.js-search-status'),
    $panel: $root.querySelector('.js-search-panel'),
    $allLink: $root.querySelector('.js-search-all'),
    $more: $root.querySelector('.js-search-more'),
    // The page's other ways in (quiz, themes, safety page), for a search without exact matches.
    $ways: $root.querySelector('.js-search-ways'),
    $filters: [...$root.querySelectorAll('.js-search-filters input[name="theme"]')],
    $counts: [...$root.querySelectorAll('.js-theme-count')],
    limit: Number($root.dataset.searchLimit || 0)
  }
}

/** The sentences and labels the page gives the widget. */
function readTexts ($root) {
  const data = $root.querySelector('.js-search-texts')?.dataset || {}
  const typeNames = {}
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('type')) typeNames[key.slice(4).toLowerCase()] = value
  }
  return { ...data, typeNames }
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

function renderResult (engine, texts, result, doc) {
  const $item = document.createElement('li')
  $item.className = 'search-result'
  const $link = document.createElement('a')
  $link.href = doc.url
  const $meta = document.createElement('span')
  $meta.className = 'search-result__meta'
  $meta.textContent = resultMeta(result, texts.typeNames, engine.themeNames, texts)
  const terms = result.terms
  const $title = document.createElement('span')
  $title.className = 'search-result__title'
  appendHighlighted($title, engine.highlight(doc.title, terms))
  const $summary = document.createElement('span')
  $summary.className = 'search-result__summary'
  appendHighlighted($summary, engine.highlight(doc.summary, terms))
  $link.append($title, $meta, $summary)
  $item.append($link)
  return $item
}

/** Keyboard moves between the box and the result links: arrows, and Escape to clear. */
function onKey (parts, clear) {
  return (event) => {
    const all = [...parts.$results.querySelectorAll('a')]
    const at = all.indexOf(document.activeElement)
    if (event.key === 'ArrowDown' && all.length && (event.target === parts.$input || at >= 0)) {
      event.preventDefault()
      all[Math.min(at + 1, all.length - 1)].focus()
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault()
      if (at === 0) parts.$input.focus()
      else all[at - 1].focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      clear()
    }
  }
}

export default function initSearch ($root) {
  const parts = findParts($root)
  const texts = readTexts($root)
  const { $input, $results, $status, $panel, $more, $filters, isPage } = parts
  const safety = createSafetyPanel($root)
  // Danger words are checked before any ranking, so the matcher loads with the engine.
  const load = () => Promise.all([loadEngine($root.dataset.searchIndex), safety.load()]).then(([engine]) => engine)
  // `drawn` counts results consumed, not list items: the safety page may be pinned on top.
  const shown = { engine: null, results: [], id: 0, drawn: 0, danger: false }
  let searchId = 0
  // The first keystroke after a settled search adds a history entry; the rest update it.
  let typing = false

  const selectedThemes = () => $filters.filter(($box) => $box.checked).map(($box) => $box.value)

  /** The one place a query is run: the reader's words and themes in, results shown. */
  async function update (delay) {
    const id = ++searchId
    if (delay) await wait(delay)
    if (id !== searchId) return
    try {
      const engine = await load()
      if (id !== searchId) return
      const outcome = await engine.search($input.value, selectedThemes())
      if (id !== searchId) return
      await show(engine, outcome, id)
    } catch (error) {
      if (id === searchId) $status.textContent = texts.error || ''
      throw error
    }
  }

  /** The result items from ``from`` to ``to``, once their display data has been fetched. */
  async function render (engine, results, from, to) {
    const slice = results.slice(from, to)
    const docs = await engine.documents(slice.map((result) => result.ref))
    return slice.map((result, at) => renderResult(engine, texts, result, docs[at]))
  }

  /** Draw the next page of the results shown. */
  async function drawMore () {
    const { engine, results, id } = shown
    const page = nextPage({ drawn: shown.drawn, total: results.length, pageSize: PAGE_SIZE, limit: parts.limit })
    const items = await render(engine, results, page.from, page.to)
    if (id !== shown.id) return
    shown.drawn = page.to
    $results.append(...(shown.danger ? safety.withoutSafetyPage(items) : items))
    if ($more) $more.hidden = !page.more
  }

  /**
   * Replace what is shown with a search's first page, status line and theme counts.
   * The first FIRST_DRAW results are drawn as soon as their display data arrives and the rest
   * of the page just after: each display chunk is a request, and on a slow connection
   * waiting for all of them would hold back the one result most readers open.
   */
  async function show (engine, { results, counts, fuzzy, exact }, id) {
    const query = $input.value.trim()
    const page = nextPage({ drawn: 0, total: results.length, pageSize: PAGE_SIZE, limit: parts.limit })
    const firstTo = Math.min(page.to, page.from + FIRST_DRAW)
    const items = await render(engine, results, page.from, firstTo)
    if (id !== searchId) return
    // A danger query shows help above the results and the safety page first; results stay below.
    const danger = safety.update(query)
    Object.assign(shown, { engine, results, id, drawn: firstTo, danger })
    $results.replaceChildren(...(danger ? safety.pinSafetyPage(items, texts.typeNames.page) : items))
    const more = page.to > firstTo
    // Assistive technology waits for the rest of the page before reading the list.
    $results.toggleAttribute('aria-busy', more)
    if ($more) $more.hidden = true
    const description = describe(texts, { count: results.length, query, themeCount: selectedThemes().length, fuzzy, exact })
    if (parts.$ways) parts.$ways.hidden = !query || exact
    $status.textContent = danger ? `${safety.announce} ${description}` : description
    for (const $count of parts.$counts) {
      $count.textContent = query ? `(${counts[$count.dataset.theme] || 0})` : ''
    }
    if ($panel) {
      $panel.hidden = !query
      parts.$allLink.href = `${parts.$form.action}?${new URLSearchParams({ q: query })}`
    }
    // The rest is asked for only now, so its requests never queue ahead of the first results'.
    const later = more ? await render(engine, results, firstTo, page.to) : []
    if (id !== searchId || shown.id !== id) return
    $results.append(...(danger ? safety.withoutSafetyPage(later) : later))
    $results.removeAttribute('aria-busy')
    shown.drawn = page.to
    if ($more) $more.hidden = !page.more
  }

  function stateFromUrl ({ keepTyped = false } = {}) {
    const state = stateFromSearch(window.location.search)
    // A reader may have typed before this script ran; their words win over an empty URL.
    if (!(keepTyped && $input.value && !state.hasQuery)) $input.value = state.query
    const themes = new Set(state.themes)
    for (const $box of $filters) $box.checked = themes.has($box.value)
  }

  function remember (push) {
    if (!isPage) return
    const url = urlForState({ query: $input.value, themes: selectedThemes() }, window.location.pathname)
    if (isCurrentUrl(url, window.location)) return
    if (push) window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
  }

  function clear () {
    $input.value = ''
    remember(true)
    update(0)
    $input.focus()
  }

  function settle () {
    remember(true)
    typing = false
    update(0)
  }

  $input.addEventListener('focus', () => { load().catch(() => {}) }, { once: true })
  $more?.addEventListener('click', async () => {
    const next = $results.children.length
    await drawMore()
    $results.children[next]?.querySelector('a')?.focus()
  })
  $input.addEventListener('input', () => {
    remember(!typing)
    typing = true
    update(DEBOUNCE_MS)
  })
  for (const $box of $filters) $box.addEventListener('change', settle)
  parts.$form.addEventListener('submit', (event) => {
    if (!isPage) return
    event.preventDefault()
    settle()
  })
  $root.addEventListener('keydown', onKey(parts, clear))
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
