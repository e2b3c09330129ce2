/**
 * Quick exit, on every page: the "Leave this site" link in the safety bar, any other
 * quick-exit link (the search's safety panel, the quiz's safety result), and Shift pressed
 * three times in a row, as in GOV.UK's "Exit this page" pattern. It hides the page at once,
 * then replaces it in the history with a neutral site, so Back does not bring it back.
 * Without JavaScript the link is a plain link to the same site.
 */
const PRESSES = 3
// GOV.UK resets its count after five seconds; three presses spread wider are not a request.
const WINDOW_MS = 5000

/** Counts Shift presses; true on the third within the window, with no other key between. */
export function createShiftCounter (now = () => Date.now()) {
  let presses = []
  return function press (key) {
    if (key !== 'Shift') {
      presses = []
      return false
    }
    const time = now()
    presses = [...presses.filter((at) => time - at < WINDOW_MS), time]
    if (presses.length < PRESSES) return false
    presses = []
    return true
  }
}

function leave (url) {
  // Hide the page before the next one loads: a glance over a shoulder sees nothing.
  document.documentElement.classList.add('is-leaving')
  document.title = ''
  window.location.replace(url)
}

let started = false

export default function initQuickExit ($root) {
  const $link = $root.querySelector('.js-quick-exit')
  if (!$link || started) return
  started = true
  const url = $link.href
  document.addEventListener('click', (event) => {
    const $exit = event.target.closest && event.target.closest('.js-quick-exit')
    if (!$exit) return
    event.preventDefault()
    leave($exit.href)
  })
  const pressed = createShiftCounter()
  document.addEventListener('keydown', (event) => {
    if (event.repeat) return
    if (pressed(event.key)) leave(url)
  })
}
