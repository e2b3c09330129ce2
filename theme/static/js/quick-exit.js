/**
 * Quick exit: leaves the site at once and replaces this page in the history, so the
 * back button does not bring it back. Without JavaScript it is a plain link.
 */
export default function initQuickExit ($root) {
  const $link = $root.querySelector('.js-quick-exit')
  if (!$link) return
  $link.addEventListener('click', (event) => {
    event.preventDefault()
    window.location.replace($link.href)
  })
}
