/**
 * The search widget's pure helpers, with no DOM: URL <-> state, the status line, paging.
 * Every sentence comes from the page (templates), passed in as ``texts``.
 */

/** Fill {name} placeholders in a text from the page. */
export function format (text, values) {
  return String(text || '').replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))
}

/** The query and themes a URL's search part (``?q=...&theme=...``) asks for. */
export function stateFromSearch (search) {
  const params = new URLSearchParams(search)
  return { query: params.get('q') || '', themes: params.getAll('theme'), hasQuery: params.has('q') }
}

/** The URL for a state: ``?q=...&theme=...``, or the bare path when there is nothing to keep. */
export function urlForState ({ query, themes }, pathname) {
  const params = new URLSearchParams()
  if (query.trim()) params.set('q', query.trim())
  for (const theme of themes) params.append('theme', theme)
  const search = params.toString()
  return search ? `?${search}` : pathname
}

/** Whether a URL from urlForState is where the browser already is. */
export function isCurrentUrl (url, { search, pathname }) {
  return url === search || (url === pathname && !search)
}

/**
 * The status line: "{count} results for “{query}”", with the note about typos; empty when
 * nothing is asked. ``texts`` holds the page's sentences: one, many, about, fuzzy.
 */
export function describe (texts, { count, query, themeCount, fuzzy, exact = true }) {
  if (!query && !themeCount) return ''
  // Nothing matched the reader's own words: say so plainly, before any close matches.
  if (query && !exact && texts.none) return format(count ? texts.close : texts.none, { query })
  const counted = format(count === 1 ? texts.one : texts.many, { count })
  const about = query ? format(texts.about, { query }) : ''
  const note = fuzzy && count ? format(texts.fuzzy, {}) : ''
  return counted + about + note
}

/**
 * Which results to draw next: from what is drawn, up to a page more (or up to the limit of
 * a compact widget), and whether a "more" button still has work to do.
 */
export function nextPage ({ drawn, total, pageSize, limit }) {
  const upTo = Math.min(total, limit ? limit : drawn + pageSize)
  return { from: drawn, to: Math.max(drawn, upTo), more: !limit && upTo < total }
}

/** The label of a result: its type's name and its themes' names, joined by the page's separators. */
export function resultMeta ({ type, themes }, typeNames, themeNames, { metaSeparator = ' ', themeSeparator = ' ' } = {}) {
  const names = themes.map((slug) => themeNames[slug] || slug).join(themeSeparator)
  return [typeNames[type] || type, names].filter(Boolean).join(metaSeparator)
}
