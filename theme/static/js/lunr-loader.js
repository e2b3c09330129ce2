/**
 * Loads lunr.js, a classic script, on demand: it is only fetched when a reader starts
 * to search. lunr.js is a UMD bundle and cannot be imported as an ES module.
 */
let loading = null

export function loadLunr () {
  if (window.lunr) return Promise.resolve(window.lunr)
  loading ||= new Promise((resolve, reject) => {
    const $script = document.createElement('script')
    $script.src = new URL('../vendor/lunr/lunr.min.js', import.meta.url).href
    $script.onload = () => resolve(window.lunr)
    $script.onerror = () => {
      loading = null
      reject(new Error('lunr.js could not be loaded'))
    }
    document.head.append($script)
  })
  return loading
}
