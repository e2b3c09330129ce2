/**
 * Says on a folded filter's button how many of its boxes are ticked, e.g. "(2 on)". The words
 * come from the count element's data-text. Boxes can be ticked by the reader or by the search
 * widget restoring a URL; both end in a new search status, so that is watched too.
 */
/** The count's text: empty when nothing is on. */
export function countText (pattern, count) {
  return count ? pattern.replace('{count}', String(count)) : ''
}

export default function initFilterCount ($root) {
  const $count = $root.querySelector('.js-filter-count')
  const $boxes = [...$root.querySelectorAll('input[type="checkbox"]')]
  const update = () => {
    $count.textContent = countText($count.dataset.text, $boxes.filter(($box) => $box.checked).length)
  }
  $root.addEventListener('change', update)
  const $status = $root.closest('[data-module="search"]')?.querySelector('.js-search-status')
  if ($status) new MutationObserver(update).observe($status, { childList: true, characterData: true, subtree: true })
  update()
}
