/**
 * Tip index filter. Without JavaScript the theme chips are links to the theme pages;
 * with it they become toggle buttons that filter the grid in place. Several themes
 * selected show tips in any of them.
 */
export function visibleThemes (cardThemes, selected) {
  if (selected.size === 0) return true
  return cardThemes.some((theme) => selected.has(theme))
}

/** The status line, from the page's own sentences (data-some, data-all, data-joiner on the status element). */
export function filterStatus (texts, count, themeNames) {
  const sentence = themeNames.length ? texts.some : texts.all
  return (sentence || '').replace('{count}', String(count)).replace('{themes}', themeNames.join(texts.joiner || ', '))
}

export default function initTipFilter ($root) {
  const $status = $root.querySelector('.js-filter-status')
  const $groups = [...document.querySelectorAll('.js-tip-group')]
  const selected = new Set()
  const names = {}

  for (const $link of $root.querySelectorAll('.js-filter')) {
    const slug = $link.dataset.theme
    names[slug] = $link.firstChild.textContent.trim()
    const $button = document.createElement('button')
    $button.type = 'button'
    $button.className = 'chip'
    $button.setAttribute('aria-pressed', 'false')
    $button.append(...$link.childNodes)
    $button.addEventListener('click', () => {
      if (selected.has(slug)) selected.delete(slug)
      else selected.add(slug)
      $button.setAttribute('aria-pressed', String(selected.has(slug)))
      apply()
    })
    $link.replaceWith($button)
  }

  function apply () {
    let shown = 0
    for (const $group of $groups) {
      let inGroup = 0
      for (const $item of $group.querySelectorAll('.card-grid > li')) {
        const themes = $item.querySelector('[data-themes]').dataset.themes.split(' ')
        const visible = visibleThemes(themes, selected)
        $item.hidden = !visible
        if (visible) inGroup++
      }
      $group.hidden = inGroup === 0
      shown += inGroup
    }
    $status.textContent = filterStatus($status.dataset, shown, [...selected].map((slug) => names[slug]))
  }
}
