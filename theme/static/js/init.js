/**
 * Starts the page's widgets: each element with data-module="name" gets the widget of
 * that name. A widget that fails leaves its element as the plain, working HTML it was.
 */
const WIDGETS = {
  search: './search-ui.js',
  'tip-filter': './tip-filter.js',
  'filter-count': './filter-count.js',
  quiz: './quiz-ui.js',
  'quick-exit': './quick-exit.js'
}

document.documentElement.classList.add('js')

for (const $element of document.querySelectorAll('[data-module]')) {
  const path = WIDGETS[$element.dataset.module]
  if (!path || $element.hasAttribute('data-module-started')) continue
  $element.setAttribute('data-module-started', '')
  import(path)
    .then((widget) => widget.default($element))
    .catch((error) => {
      $element.removeAttribute('data-module-started')
      console.error(`Could not start the ${$element.dataset.module} widget`, error)
    })
}
