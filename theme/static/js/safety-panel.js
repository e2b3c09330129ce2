/**
 * The search's safety panel. When a query matches the danger list (content/safety-words.yml),
 * the panel from the page's template goes above the results and the safety page is ranked
 * first; the results still show beneath. Used by the header box and the /search/ page alike.
 */
import { loadLunr } from './lunr-loader.js'

let matching = null

// The matcher (and the search code it shares) is fetched with the search, never with the page:
// a reader who does not search downloads none of it.
function loadMatcher ($template) {
  matching ||= Promise.all([loadLunr(), import('./safety-match.js')])
    .then(([lunr, { createLunrDangerMatcher }]) => createLunrDangerMatcher(lunr, JSON.parse($template.dataset.dangerWords)))
  return matching
}

const NO_PANEL = {
  load: () => Promise.resolve(),
  update: () => false,
  pinSafetyPage: (items) => items,
  withoutSafetyPage: (items) => items,
  announce: ''
}

function span (className, text) {
  const $span = document.createElement('span')
  $span.className = className
  $span.textContent = text
  return $span
}

/** Find the page's safety template and the widget's slot; returns what search needs to call. */
export function createSafetyPanel ($root) {
  const $template = document.querySelector('.js-safety-template')
  const $slot = $root.querySelector('.js-safety-slot')
  if (!$template || !$slot) return NO_PANEL
  let isDanger = () => false
  const { safetyUrl, safetyTitle, safetySummary } = $template.dataset
  const isSafetyPage = ($item) => $item.querySelector('a')?.getAttribute('href') === safetyUrl
  const withoutSafetyPage = (items) => items.filter(($item) => !isSafetyPage($item))

  return {
    /** Load the matcher (and lunr's stemmer) with the search engine, on first use, not with the page. */
    load: () => loadMatcher($template).then((matcher) => { isDanger = matcher }),
    announce: $template.dataset.announce,
    /** Show the panel for a danger query, remove it otherwise; true when it is shown. */
    update (query) {
      const danger = Boolean(query.trim()) && isDanger(query)
      if (!danger) $slot.replaceChildren()
      else if (!$slot.firstElementChild) $slot.append($template.content.querySelector('.safety-panel').cloneNode(true))
      return danger
    },
    /** The drawn result items with the safety page first (and nowhere else). */
    pinSafetyPage (items, typeName) {
      const $item = document.createElement('li')
      $item.className = 'search-result search-result--safety'
      const $link = document.createElement('a')
      $link.href = safetyUrl
      $link.append(span('search-result__title', safetyTitle), span('search-result__meta', typeName || ''), span('search-result__summary', safetySummary))
      $item.append($link)
      return [$item, ...withoutSafetyPage(items)]
    },
    withoutSafetyPage
  }
}
